using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance.Authorization;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Serving;

/// <summary>
/// <c>POST /models/{name}/predict</c> (production, or <c>?alias=</c>) and <c>/models/{name}/versions/{v}/predict</c>.
/// Every value is checked against the version's signature before the model sees it: a malformed body is 400, bad
/// fields are 422 listing every one, an unknown model or alias is 404.
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
        var metrics = http.RequestServices.GetRequiredService<ServingMetrics>();
        var started = Stopwatch.GetTimestamp();
        metrics.InFlight.Inc();
        try
        {
            var model = await http.RequestServices.GetRequiredService<ServedModels>().GetAsync(name, alias, version, http.RequestAborted);
            var served = metrics.For(model);
            var versionLabel = served.Version;
            var requestId = RequestId(http);
            var body = await ReadBodyAsync(http.Request, http.RequestAborted);
            if (body is null)
            {
                return Invalid(metrics, model, versionLabel, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body exceeds {MaxBodyBytes / (1024 * 1024)} MB; score large files with 'raciflow predict'."));
            }

            var parsed = IsCsv(http.Request)
                ? PredictionInputParser.ParseCsv(Encoding.UTF8.GetString(body), model.Validator)
                : PredictionInputParser.ParseJson(body, model.Validator);
            if (parsed.Malformed is { } malformed)
            {
                return Invalid(metrics, model, versionLabel, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed prediction request", detail: malformed, extensions: Extensions(model, requestId)));
            }

            if (parsed.Problems.Count > 0)
            {
                var errors = parsed.Problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
                return Invalid(metrics, model, versionLabel, Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity, title: $"{errors.Count} input field(s) do not match {model.Label}'s signature", extensions: Extensions(model, requestId)));
            }

            var predictions = new PredictionResult[parsed.Rows.Count];
            for (var i = 0; i < predictions.Length; i++)
            {
                var p = model.Bundle.PredictRow(parsed.Rows[i]);
                predictions[i] = new PredictionResult(p.Value, p.Label, p.Probabilities);
            }

            foreach (var note in parsed.Notes)
            {
                metrics.Notes.WithLabels(model.Name, versionLabel, note.Field, note.Kind).Inc();
            }

            served.Ok.Inc();
            served.Rows.Inc(predictions.Length);
            served.Latency.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            http.Response.Headers["X-Request-Id"] = requestId;
            http.RequestServices.GetService<IPredictionObserver>()?.Predicted(new PredictionEvent(model, requestId, parsed.Rows, predictions, Stopwatch.GetElapsedTime(started)));
            return new PredictionJsonResult(new PredictionResponse(model.Name, model.Version, requestId, predictions, parsed.Notes.Count == 0 ? null : parsed.Notes));
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            metrics.Requests.WithLabels(name, version?.ToString(CultureInfo.InvariantCulture) ?? alias ?? "production", "error").Inc();
            throw;
        }
        finally
        {
            metrics.InFlight.Dec();
        }
    }

    private static IResult Invalid(ServingMetrics metrics, ServedModel model, string version, IResult result)
    {
        metrics.Requests.WithLabels(model.Name, version, "invalid").Inc();
        return result;
    }

    private static Dictionary<string, object?> Extensions(ServedModel model, string requestId) =>
        new() { ["model"] = model.Name, ["version"] = model.Version, ["requestId"] = requestId };

    private static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>A client's X-Request-Id is kept when it is short and printable, so logs on both sides match.</summary>
    private static string RequestId(HttpContext http)
    {
        var given = http.Request.Headers["X-Request-Id"].ToString();
        return given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? given : NewRequestId();
    }

    /// <summary>
    /// 32 hex digits, as a Guid's "N" form. A request id has to be unique, not secret (it is returned to the caller
    /// and written to the log): <c>Guid.NewGuid</c> reads the kernel's random source with a system call per id, which
    /// cost 5% of the server's CPU under load; <see cref="Random.Shared"/> is seeded from it once per thread.
    /// </summary>
    internal static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

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
