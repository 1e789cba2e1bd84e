using System.Globalization;
using Microsoft.AspNetCore.Http;
using Raciflow.Registry;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /models, /models/{name} (versions, where its aliases point and every move of them) and
/// /models/{name}/versions/{v} (lineage run → dataset version, metrics, signature and the model card).
/// </summary>
internal static class ModelsPage
{
    public static async Task<IResult> List(HttpContext http)
    {
        var web = WebRequest.Of(http);
        var models = await new ModelRegistry(web.Workspace).ListAsync(web.Aborted);
        var rows = Html.Join(models.Select(m => Html.Of($"""
            <tr><td><a href="{WebLinks.ModelPath(m.Name)}">{m.Name}</a></td><td>{m.Description}</td><td>{WebLinks.ModelVersion(m.Name, m.LatestVersion)}</td><td>{m.VersionCount}</td>
            <td>{Aliases(m.Name, m.Aliases)}</td><td>{m.CreatedBy}</td><td><a href="{WebLinks.PredictPath(m.Name)}">prediction form</a></td></tr>
            """)));
        return web.Page("Models", models.Count == 0
            ? Html.Raw("<p class=\"muted\">No registered models yet: register a run with 'raciflow models register RUN --name MODEL'.</p>")
            : Html.Of($"<table id=\"models\"><thead><tr><th>Model</th><th>Description</th><th>Latest</th><th>Versions</th><th>Aliases</th><th>Created by</th><th></th></tr></thead><tbody>{rows}</tbody></table>"));
    }

    public static async Task<IResult> Detail(string name, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var registry = new ModelRegistry(web.Workspace);
        var versions = await registry.VersionsAsync(ModelName.Validate(name), web.Aborted);
        var history = await registry.AliasHistoryAsync(name, cancellationToken: web.Aborted);
        var aliases = versions.SelectMany(v => v.Aliases.Select(a => KeyValuePair.Create(a, v.Version))).ToDictionary(StringComparer.Ordinal);
        var rows = Html.Join(versions.AsEnumerable().Reverse().Select(v => Html.Of($"""
            <tr><td>{WebLinks.ModelVersion(v.Model, v.Version)}</td><td>{v.Algorithm}</td><td>{WebLinks.Run(v.RunId)}</td><td>{(v.Dataset is { } d ? WebLinks.DatasetVersion(d) : Html.Raw("—"))}</td>
            <td>{KeyMetrics(v)}</td><td>{string.Join(", ", v.Aliases)}</td><td>{v.CreatedBy}</td><td>{WebFormat.Time(v.CreatedAt)}</td></tr>
            """)));
        var moves = Html.Join(history.Select(h => Html.Of($"""
            <tr><td>{h.Alias}</td><td>{VersionLink(name, h.From)}</td><td>{VersionLink(name, h.To)}</td><td>{h.MovedBy}</td><td>{WebFormat.Time(h.MovedAt)}</td><td>{h.Reason}</td></tr>
            """)));
        return web.Page($"Model {name}", Html.Of($"""
            <p><a href="{WebLinks.PredictPath(name)}" id="predict-link">Open the prediction form</a> (serves <code>production</code>)</p>
            <h2>Aliases</h2>
            <p id="model-aliases">{(aliases.Count == 0 ? Html.Raw("<span class=\"muted\">None yet: raciflow models alias MODEL VERSION ALIAS.</span>") : Aliases(name, aliases))}</p>
            <h2>Versions</h2>
            <table id="model-versions"><thead><tr><th>Version</th><th>Algorithm</th><th>Run</th><th>Dataset</th><th>Test metrics</th><th>Aliases</th><th>Registered by</th><th>At</th></tr></thead><tbody>{rows}</tbody></table>
            <h2>Alias history</h2>
            {(history.Count == 0 ? Html.Raw("<p class=\"muted\">No alias was ever set.</p>") : Html.Of($"""
                <table id="alias-history"><thead><tr><th>Alias</th><th>From</th><th>To</th><th>Moved by</th><th>At</th><th>Reason</th></tr></thead><tbody>{moves}</tbody></table>
                """))}
            """));
    }

    public static async Task<IResult> VersionDetail(string name, int version, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var lineage = await new LineageService(web.Workspace).ForModelAsync(ModelRef.ForVersion(name, version), web.Aborted);
        var v = lineage.Version;
        var inputs = Html.Join(v.Signature.Inputs.Select(f => Html.Of($"""
            <tr><td>{f.Name}</td><td>{f.Type.ToString().ToLowerInvariant()}</td><td>{(f.Nullable ? "yes" : "no")}</td>
            <td>{(f.Min is null && f.Max is null ? string.Empty : $"{WebFormat.Number(f.Min)} to {WebFormat.Number(f.Max)}")}{(f.Categories is { } c ? string.Join(", ", c) + (f.CategoriesTruncated ? ", …" : string.Empty) : string.Empty)}</td></tr>
            """)));
        var card = ModelCard.Render(lineage, web.Workspace.Project);
        return web.Page($"Model {v.Label}", Html.Of($"""
            <p><a href="{WebLinks.PredictPath(name)}?version={v.Version.ToString(CultureInfo.InvariantCulture)}" id="predict-link">Try this version in the prediction form</a> ·
            <a href="{WebLinks.ModelPath(name)}">all versions of {name}</a></p>
            <h2>Lineage</h2>
            <table id="model-lineage" class="pairs">
            <tr><th>Run</th><td id="model-run">{WebLinks.Run(lineage.Run.Id, lineage.Run.Name)} ({lineage.Run.Experiment}, by {lineage.Run.StartedBy})</td></tr>
            <tr><th>Training job</th><td>{(lineage.ParentRun is { } job ? WebLinks.Run(job.Id, job.Name) : Html.Raw("—"))}</td></tr>
            <tr><th>Dataset version</th><td id="model-dataset">{(lineage.Dataset is { } d ? Html.Of($"{WebLinks.DatasetVersion(d.Label)} ({d.SourceName}, source sha256 {d.SourceSha256[..12]}…)") : Html.Raw("—"))}</td></tr>
            <tr><th>Split</th><td>{(lineage.Split is { } s ? $"#{s.Id}: seed {s.Seed}, {s.TrainRows} train, {s.ValidationRows} validation, {s.TestRows} test rows" : "—")}</td></tr>
            <tr><th>Aliases</th><td>{(v.Aliases.Count == 0 ? "none" : string.Join(", ", v.Aliases))}</td></tr>
            <tr><th>Registered</th><td>by {v.CreatedBy} at {WebFormat.Time(v.CreatedAt)}</td></tr>
            <tr><th>Description</th><td id="model-description">{v.Description ?? "—"}</td></tr>
            </table>
            <h2>Metrics</h2>{WebFormat.Table("model-metrics", v.Metrics.Where(m => !m.Key.StartsWith("importance.", StringComparison.Ordinal) && !m.Key.StartsWith("trial_", StringComparison.Ordinal)))}
            <h2>Signature</h2>
            <p class="muted">{v.Signature.Task.ToString().ToLowerInvariant()} predicting <code>{v.Signature.Target}</code>{(v.Signature.Classes.Count == 0 ? string.Empty : "; classes: " + string.Join(", ", v.Signature.Classes))}</p>
            <table id="model-signature"><thead><tr><th>Input</th><th>Type</th><th>Missing allowed</th><th>Seen in training</th></tr></thead><tbody>{inputs}</tbody></table>
            <h2>Model card</h2>
            <section class="model-card" id="model-card">{WebMarkdown.Render(card)}</section>
            """));
    }

    private static Html Aliases(string model, IReadOnlyDictionary<string, int> aliases) =>
        Html.Join(aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Html.Of($"<span class=\"alias\">{a.Key} → {WebLinks.ModelVersion(model, a.Value)}</span> ")));

    private static Html VersionLink(string model, int? version) => version is { } v ? WebLinks.ModelVersion(model, v) : Html.Raw("—");

    private static string KeyMetrics(ModelVersionDetails v) =>
        string.Join(", ", v.Metrics.Where(m => m.Key.StartsWith("test_", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal).Take(3).Select(m => $"{m.Key[5..]}={WebFormat.Number(m.Value)}"));
}
