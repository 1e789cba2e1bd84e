using System.Buffers;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance.Authorization;
using Raciflow.Serving;

namespace Raciflow.Server.Serving;

/// <summary>
/// <c>POST /models/{name}/predict</c> (production, or <c>?alias=</c>) and <c>/models/{name}/versions/{v}/predict</c>:
/// reads the body and hands it to <see cref="PredictionService"/>, then renders its outcome (a malformed body is 400,
/// bad fields are 422 listing every one, an unknown model or alias is 404).
/// </summary>
public static class PredictionEndpoints
{
    /// <summary>Larger bodies belong to batch scoring.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapPredictions(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/models/{name}/predict", (HttpContext http, string name, string? alias) => PredictAsync(http, name, alias, null))
            .WithName("Predict").WithTags("Serving").WithMetadata(new NotGovernedAttribute("predicting reads a model; it changes no governed state"), new PublicPredictAttribute())
            .Accepts<Dictionary<string, object>>("application/json", "text/csv").Produces<PredictionResponse>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/models/{name}/versions/{version:int}/predict", (HttpContext http, string name, int version) => PredictAsync(http, name, null, version))
            .WithName("PredictVersion").WithTags("Serving").WithMetadata(new NotGovernedAttribute("predicting reads a model; it changes no governed state"), new PublicPredictAttribute())
            .Accepts<Dictionary<string, object>>("application/json", "text/csv").Produces<PredictionResponse>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> PredictAsync(HttpContext http, string name, string? alias, int? version)
    {
        var started = Stopwatch.GetTimestamp();
        var service = http.RequestServices.GetRequiredService<PredictionService>();
        var given = http.Request.Headers["X-Request-Id"].ToString();
        var requestId = RequestIds.IsAcceptable(given) ? given : RequestIds.New();
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var payload = body is null ? PredictionPayload.TooLarge(MaxBodyBytes) : PredictionPayload.FromBody(body, http.Request.ContentType);
        var outcome = await service.PredictAsync(new PredictionRequest(name, alias, version, payload, requestId, PredictionSource.Api, started), http.RequestAborted);
        return outcome.Kind switch
        {
            PredictionOutcomeKind.Predicted => new PredictionJsonResult(outcome),
            PredictionOutcomeKind.TooLarge => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: outcome.Message),
            PredictionOutcomeKind.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed prediction request", detail: outcome.Message, extensions: Extensions(outcome)),
            _ => Results.ValidationProblem(
                Errors(outcome),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: outcome.Kind == PredictionOutcomeKind.Unpredictable
                    ? $"{outcome.Model.Label} has no finite answer for these inputs"
                    : $"{Errors(outcome).Count} input field(s) do not match {outcome.Model.Label}'s signature",
                extensions: Extensions(outcome)),
        };
    }

    /// <summary>Every problem by its field's path (<c>instances[2].lunch</c>), as the validation problem's <c>errors</c>.</summary>
    private static Dictionary<string, string[]> Errors(PredictionOutcome outcome) =>
        outcome.Problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);

    private static Dictionary<string, object?> Extensions(PredictionOutcome outcome) =>
        new() { ["model"] = outcome.Model.Name, ["version"] = outcome.Model.Version, ["requestId"] = outcome.RequestId };

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
