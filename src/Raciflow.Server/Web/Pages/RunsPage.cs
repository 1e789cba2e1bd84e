using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Raciflow.Workflows;
using Raciflow.Registry;
using Raciflow.Tracking;
using Raciflow.Training.Evaluation;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /runs: experiments, the training jobs with their algorithms ranked by the primary metric, and a run search;
/// /runs/{id}: one run's params, metrics, tags, lineage (dataset version, model versions made from it), plots and
/// feature importance; /runs/{id}/artifacts/{path}: an artifact's bytes, so plots load as images, never as markup.
/// </summary>
internal static class RunsPage
{
    public static async Task<IResult> List(string? experiment, string? filter, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var tracking = new TrackingService(web.Workspace);
        experiment = Blank(experiment);
        filter = Blank(filter);
        var experiments = await tracking.ListExperimentsAsync(cancellationToken: web.Aborted);
        var jobs = await new TrainingJobs(web.Workspace).ListAsync(experiment, 10, web.Aborted);
        var runs = await tracking.SearchRunsAsync(new RunSearchRequest { Experiments = experiment is null ? null : [experiment], Filter = filter, MaxResults = 100 }, web.Aborted);
        var experimentRows = Html.Join(experiments.Select(e => Html.Of($"""
            <tr><td><a href="/runs?experiment={Uri.EscapeDataString(e.Name)}">{e.Name}</a></td><td>{e.RunCount}</td><td>{e.CreatedBy}</td><td>{WebFormat.Time(e.CreatedAt)}</td></tr>
            """)));
        return web.Page(experiment is null ? "Runs" : $"Runs of {experiment}", Html.Of($"""
            <h2>Experiments</h2>
            {(experiments.Count == 0 ? Html.Raw("<p class=\"muted\">No experiments yet: train with 'raciflow train'.</p>") : Html.Of($"""
                <table id="experiments"><thead><tr><th>Experiment</th><th>Runs</th><th>Created by</th><th>Created</th></tr></thead><tbody>{experimentRows}</tbody></table>
                """))}
            <h2>Leaderboards</h2>
            {(jobs.Count == 0 ? Html.Raw("<p class=\"muted\">No training jobs yet.</p>") : Html.Join(jobs.Select(Leaderboard)))}
            <h2>Search runs</h2>
            <form method="get" action="/runs" class="filters">
            <label>Experiment <input type="text" name="experiment" value="{experiment}"></label>
            <label>Filter <input type="text" name="filter" value="{filter}" size="50" placeholder="metrics.test_r2 &gt; 0.8 and params.algorithm = 'lasso'"></label>
            <button type="submit">Search</button>
            </form>
            {RunTable("runs", runs)}
            """));
    }

    public static async Task<IResult> Detail(string id, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var tracking = new TrackingService(web.Workspace);
        var links = await new LineageService(web.Workspace).ForRunAsync(id, web.Aborted);
        var run = links.Run.Run;
        var lineage = links.Run.Lineage;
        var children = await tracking.SearchRunsAsync(new RunSearchRequest { Experiments = [run.Experiment], Filter = $"parent_run_id = '{run.Id}'", MaxResults = 200 }, web.Aborted);
        var plots = links.Run.Artifacts.Where(a => a.Path.StartsWith("plots/", StringComparison.Ordinal) && a.Path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)).ToList();
        var importance = links.Run.Artifacts.Any(a => a.Path == "feature_importance.json") ? await ImportanceAsync(tracking, run.Id, web.Aborted) : [];
        var models = links.ModelVersions.Count == 0
            ? Html.Raw("<p class=\"muted\" id=\"run-models\">No model version was registered from this run.</p>")
            : Html.Of($"<ul id=\"run-models\">{Html.Join(links.ModelVersions.Select(m => Html.Of($"<li>{WebLinks.ModelVersion(m.Model, m.Version)} ({m.Algorithm}{(m.Aliases.Count == 0 ? string.Empty : "; " + string.Join(", ", m.Aliases))})</li>")))}</ul>");
        return web.Page($"Run {run.Name}", Html.Of($"""
            <table id="run" class="pairs">
            <tr><th>Id</th><td><code>{run.Id}</code></td></tr>
            <tr><th>Experiment</th><td><a href="/runs?experiment={Uri.EscapeDataString(run.Experiment)}">{run.Experiment}</a></td></tr>
            <tr><th>Status</th><td><span class="status {Status(run.Status)}" id="run-status">{Status(run.Status)}</span>{(run.ErrorMessage is null ? Html.Empty : Html.Of($" <span class=\"bad\">{run.ErrorMessage}</span>"))}</td></tr>
            <tr><th>Parent run</th><td>{(run.ParentRunId is { } parent ? WebLinks.Run(parent) : Html.Raw("—"))}</td></tr>
            <tr><th>Started</th><td>by {run.StartedBy} at {WebFormat.Time(run.StartTime)}</td></tr>
            <tr><th>Duration</th><td>{(run.DurationSeconds is { } s ? WebFormat.Number(s) + " s" : "running")}</td></tr>
            </table>
            <h2>Lineage</h2>
            <table id="run-lineage" class="pairs">
            <tr><th>Dataset version</th><td id="run-dataset">{(links.Dataset is { } d ? Html.Of($"{WebLinks.DatasetVersion(d.Label)} ({d.SourceName}, {d.Rows} rows, sha256 {d.SourceSha256[..12]}…)") : Html.Raw("—"))}</td></tr>
            <tr><th>Split</th><td>{(lineage.SplitId is { } split ? $"#{split}" : "—")}</td></tr>
            <tr><th>Git commit</th><td>{lineage.GitCommit ?? "—"}{(lineage.GitDirty == true ? " (uncommitted changes)" : string.Empty)}</td></tr>
            <tr><th>Command</th><td>{lineage.CommandLine ?? "—"}</td></tr>
            <tr><th>CPU, peak memory</th><td>{(lineage.CpuSeconds is { } cpu ? WebFormat.Number(cpu) + " s" : "—")}, {(lineage.PeakMemoryBytes is { } mem ? WebFormat.Bytes(mem) : "—")}</td></tr>
            <tr><th>Model versions</th><td>{models}</td></tr>
            </table>
            <h2>Parameters</h2>{WebFormat.Table("run-params", run.Params)}
            <h2>Metrics</h2>{WebFormat.Table("run-metrics", run.Metrics)}
            <h2>Tags</h2>{WebFormat.Table("run-tags", run.Tags)}
            {Html.When(plots.Count > 0, Html.Of($"<h2>Plots</h2><div class=\"plots\" id=\"run-plots\">{Html.Join(plots.Select(p => Plot(run.Id, p)))}</div>"))}
            {Html.When(importance.Count > 0, Importance(importance))}
            {Html.When(children.Count > 0, Html.Of($"<h2>Child runs</h2>{RunTable("run-children", children)}"))}
            <h2>Artifacts</h2>
            {(links.Run.Artifacts.Count == 0 ? Html.Raw("<p class=\"muted\">No artifacts.</p>") : Html.Of($"""
                <table id="run-artifacts"><thead><tr><th>Path</th><th>Size</th><th>SHA-256</th></tr></thead>
                <tbody>{Html.Join(links.Run.Artifacts.Select(a => Html.Of($"<tr><td><a href=\"{ArtifactPath(run.Id, a.Path)}\">{a.Path}</a></td><td>{WebFormat.Bytes(a.Size)}</td><td><code>{a.Sha256[..12]}…</code></td></tr>")))}</tbody></table>
                """))}
            """));
    }

    /// <summary>
    /// An artifact's bytes with a content type from its extension, under a sandboxing policy: an SVG plot shows as an
    /// image, and even one opened on its own (or an HTML artifact) can run no script.
    /// </summary>
    public static async Task<IResult> Artifact(string id, string path, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var (entry, content) = await new TrackingService(web.Workspace).OpenArtifactAsync(id, path, web.Aborted);
        return WebDownload.Result(http, content, entry.Path);
    }

    private static Html Leaderboard(TrainingJob job)
    {
        var rows = Html.Join(job.Leaderboard.Select(e => Html.Of($"""
            <tr><td>{e.Rank}</td><td>{WebLinks.Run(e.Run.Id, e.Algorithm)}</td><td class="num">{WebFormat.Number(e.Score)}</td><td class="num">{WebFormat.Number(e.Cv)}</td>
            <td class="num">{WebFormat.Number(e.Validation)}</td><td class="num">{WebFormat.Number(e.Test)}</td><td>{Status(e.Run.Status)}</td></tr>
            """)));
        return Html.Of($"""
            <h3>{WebLinks.Run(job.Job.Id, job.Job.Name)} <span class="muted">· {job.Job.Experiment} · {WebFormat.Time(job.Job.StartTime)} · by {job.Job.StartedBy}</span></h3>
            <table class="leaderboard" id="leaderboard-{job.Job.Id}"><thead><tr><th>Rank</th><th>Algorithm</th><th>{job.PrimaryMetric} ({(job.HigherIsBetter ? "higher" : "lower")} is better)</th>
            <th>CV</th><th>Validation</th><th>Test</th><th>Status</th></tr></thead><tbody>{rows}</tbody></table>
            """);
    }

    private static Html RunTable(string id, IReadOnlyList<RunSummary> runs) => runs.Count == 0
        ? Html.Of($"<p class=\"muted\" id=\"{id}\">No runs.</p>")
        : Html.Of($"""
            <table id="{id}"><thead><tr><th>Run</th><th>Name</th><th>Experiment</th><th>Status</th><th>Started</th><th>By</th><th>Metrics</th></tr></thead><tbody>
            {Html.Join(runs.Select(r => Html.Of($"""
                <tr><td>{WebLinks.Run(r.Id)}</td><td>{r.Name}</td><td>{r.Experiment}</td><td>{Status(r.Status)}</td><td>{WebFormat.Time(r.StartTime)}</td><td>{r.StartedBy}</td>
                <td>{string.Join(", ", r.Metrics.Where(m => !m.Key.StartsWith("importance.", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal).Take(4).Select(m => $"{m.Key}={WebFormat.Number(m.Value)}"))}</td></tr>
                """)))}
            </tbody></table>
            """);

    private static Html Plot(string runId, ArtifactEntry plot)
    {
        var name = Path.GetFileNameWithoutExtension(plot.Path).Replace('_', ' ');
        return Html.Of($"<figure><img src=\"{ArtifactPath(runId, plot.Path)}\" alt=\"{name}\"><figcaption>{name}</figcaption></figure>");
    }

    private static Html Importance(IReadOnlyList<FeatureImportance> importance) => Html.Of($"""
        <h2>Feature importance</h2>
        <p class="muted">How much the primary metric worsens on the test set when a column is shuffled (permutation importance).</p>
        <table id="run-importance"><thead><tr><th>Column</th><th>Importance</th><th>± std</th></tr></thead><tbody>
        {Html.Join(importance.OrderByDescending(f => f.Importance).Select(f => Html.Of($"<tr><td>{f.Column}</td><td class=\"num\">{WebFormat.Number(f.Importance)}</td><td class=\"num\">{WebFormat.Number(f.StandardDeviation)}</td></tr>")))}
        </tbody></table>
        """);

    private static async Task<IReadOnlyList<FeatureImportance>> ImportanceAsync(TrackingService tracking, string runId, CancellationToken cancellationToken)
    {
        var (_, content) = await tracking.OpenArtifactAsync(runId, "feature_importance.json", cancellationToken);
        await using (content)
        {
            return await JsonSerializer.DeserializeAsync<List<FeatureImportance>>(content, cancellationToken: cancellationToken) ?? [];
        }
    }

    private static string ArtifactPath(string runId, string path) =>
        $"{WebLinks.RunPath(runId)}/artifacts/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
