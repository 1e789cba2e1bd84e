using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Server.Serving;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /predict/{model} (production, or ?alias= / ?version=): a form generated from the served version's signature.
/// The POST goes through <see cref="PredictionService"/> like the API (same checks, metrics and prediction log), tagged
/// as the web form's so drift windows can leave it out. Open to whoever may call the API: a signed-in member, anyone
/// in single-user mode, or anyone when raciflow.yaml lists the model under serving.public.
/// </summary>
internal static class PredictPage
{
    public static async Task<IResult> Get(string model, string? alias, int? version, HttpContext http)
    {
        var web = WebRequest.Of(http);
        if (SignInNeeded(web, model) is { } signIn)
        {
            return signIn;
        }

        var served = await ServedAsync(http, model, alias, version);
        return Render(web, served, alias, version, new Dictionary<string, string?>(), ParsedInput.None, [], null);
    }

    public static async Task<IResult> Post(string model, string? alias, int? version, IFormCollection form, HttpContext http)
    {
        var web = WebRequest.Of(http);
        if (SignInNeeded(web, model) is { } signIn)
        {
            return signIn;
        }

        var started = Stopwatch.GetTimestamp();
        var service = http.RequestServices.GetRequiredService<PredictionService>();
        var served = await ServedAsync(http, model, alias, version);
        var values = served.Validator.Inputs.Where(f => form.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => (string?)form[f.Name].ToString(), StringComparer.Ordinal);
        var outcome = await service.PredictAsync(
            new PredictionRequest(model, AliasOrNull(alias), version, PredictionPayload.FromFields(values), RequestIds.New(), PredictionSource.WebForm, started),
            http.RequestAborted);
        return outcome.IsPredicted
            ? Render(web, outcome.Model, alias, version, values, outcome.Input, outcome.Problems, outcome.Predictions[0])
            : Render(web, outcome.Model, alias, version, values, outcome.Input, outcome.Problems, null, StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Render(WebRequest web, ServedModel served, string? alias, int? version, IReadOnlyDictionary<string, string?> values, ParsedInput parsed, IReadOnlyList<InputProblem> problems, ModelPrediction? prediction, int status = StatusCodes.Status200OK)
    {
        var action = WebLinks.PredictPath(served.Name) + Query(alias, version);
        var which = version is not null ? $"version {served.Version}" : $"{alias ?? "production"} → version {served.Version}";
        var others = ServedAliases(web, served.Name, alias);
        return web.Page($"Predict with {served.Name}", Html.Of($"""
            <p id="served-version">Answered by {WebLinks.ModelVersion(served.Name, served.Version)} ({which}), predicting <code>{served.Signature.Target}</code>.{others}</p>
            {Html.When(problems.Count > 0, Html.Of($"<p class=\"notice bad\" id=\"prediction-errors\">{problems.Count} field(s) need a change; see below. No prediction was made.</p>"))}
            {(prediction is null ? Html.Empty : Result(served, prediction, parsed.Notes))}
            <form method="post" action="{action}" class="predict" id="predict-form" novalidate>
            {web.AntiforgeryField()}
            {PredictionFormFields.Render(served.Validator.Inputs, values, problems, parsed.Notes)}
            <div><button type="submit" id="predict">Predict</button></div>
            </form>
            """), status);
    }

    private static Html Result(ServedModel served, ModelPrediction prediction, IReadOnlyList<InputNote> notes)
    {
        var answer = prediction.Probabilities is { } probabilities
            ? Html.Of($"""
                <p>Predicted {served.Signature.Target}: <strong id="prediction-label">{prediction.Label}</strong></p>
                <ul class="probabilities" id="probabilities">{Html.Join(probabilities.OrderByDescending(p => p.Value).Select(p => Html.Of($"""
                    <li><span class="class">{p.Key}</span> <meter min="0" max="1" value="{p.Value.ToString("R", CultureInfo.InvariantCulture)}"></meter> <span class="num">{p.Value.ToString("P1", CultureInfo.InvariantCulture)}</span></li>
                    """)))}</ul>
                """)
            : Html.Of($"<p>Predicted {served.Signature.Target}: <strong id=\"prediction-value\" data-value=\"{prediction.Value?.ToString("R", CultureInfo.InvariantCulture)}\">{WebFormat.Number(prediction.Value)}</strong></p>");
        return Html.Of($"""
            <section class="notice ok" id="prediction">
            {answer}
            {Html.When(notes.Count > 0, Html.Of($"<ul id=\"prediction-notes\">{Html.Join(notes.Select(n => Html.Of($"<li><strong>{n.Field}</strong>: {n.Message}</li>")))}</ul>"))}
            </section>
            """);
    }

    /// <summary>The API's rule: a member's token, or a model raciflow.yaml serves publicly.</summary>
    private static IResult? SignInNeeded(WebRequest web, string model)
    {
        if (web.User.IsSignedIn || web.Workspace.Project?.Serving.PublicModels.Contains(model, StringComparer.Ordinal) == true)
        {
            return null;
        }

        var request = web.Http.Request;
        return HttpMethods.IsGet(request.Method)
            ? Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString))
            : web.Page("Sign in needed", Html.Raw("<p class=\"notice bad\">Sign in with your API token first: <a href=\"/login\">sign in</a>.</p>"), StatusCodes.Status401Unauthorized);
    }

    private static ValueTask<ServedModel> ServedAsync(HttpContext http, string model, string? alias, int? version) =>
        http.RequestServices.GetRequiredService<ServedModels>().GetAsync(model, AliasOrNull(alias), version, http.RequestAborted);

    private static string? AliasOrNull(string? alias) => string.IsNullOrWhiteSpace(alias) ? null : alias;

    private static Html ServedAliases(WebRequest web, string model, string? current)
    {
        var aliases = web.Http.RequestServices.GetRequiredService<ServedModels>().Aliases.Keys
            .Where(k => k.Model == model && k.Alias != (current ?? Registry.ModelAliases.Production)).Select(k => k.Alias).Order(StringComparer.Ordinal).ToList();
        return aliases.Count == 0 ? Html.Empty : Html.Of($" Other aliases: {Html.Join(aliases.Select(a => Html.Of($"<a href=\"{WebLinks.PredictPath(model)}?alias={Uri.EscapeDataString(a)}\">{a}</a> ")))}");
    }

    private static string Query(string? alias, int? version) =>
        version is { } v ? "?version=" + v.ToString(CultureInfo.InvariantCulture) : string.IsNullOrWhiteSpace(alias) ? string.Empty : "?alias=" + Uri.EscapeDataString(alias);
}
