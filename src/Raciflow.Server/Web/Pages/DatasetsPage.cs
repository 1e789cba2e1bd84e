using System.Globalization;
using Microsoft.AspNetCore.Http;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Data.Validation;
using Raciflow.Registry;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /datasets, /datasets/{name} (its versions) and /datasets/{name}/{version}: schema and statistics, the latest
/// validation, the stored profile report (/profile) and lineage: the runs and model versions built on the version.
/// </summary>
internal static class DatasetsPage
{
    public static async Task<IResult> List(HttpContext http)
    {
        var web = WebRequest.Of(http);
        var datasets = await new DatasetService(web.Workspace).ListAsync(web.Aborted);
        var rows = Html.Join(datasets.Select(d => Html.Of($"""
            <tr><td><a href="{WebLinks.DatasetPath(d.Dataset.Name)}">{d.Dataset.Name}</a></td><td>{d.VersionCount}</td>
            <td>{(d.Latest is { } v ? WebLinks.DatasetVersion(v.Label) : Html.Raw("—"))}</td><td>{d.Latest?.RowCount}</td><td>{d.Latest?.ColumnCount}</td><td>{WebFormat.Time(d.Latest?.CreatedAt)}</td></tr>
            """)));
        return web.Page("Datasets", datasets.Count == 0
            ? Html.Raw("<p class=\"muted\">No datasets yet: add one with 'raciflow data add FILE --name NAME'.</p>")
            : Html.Of($"<table id=\"datasets\"><thead><tr><th>Dataset</th><th>Versions</th><th>Latest</th><th>Rows</th><th>Columns</th><th>Added</th></tr></thead><tbody>{rows}</tbody></table>"));
    }

    public static async Task<IResult> Versions(string name, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var versions = await new DatasetService(web.Workspace).VersionsAsync(name, web.Aborted);
        var rows = Html.Join(versions.AsEnumerable().Reverse().Select(v => Html.Of($"""
            <tr><td>{WebLinks.DatasetVersion(v.Label)}</td><td><code>{v.Hash[..12]}</code></td><td>{v.SourceName}</td><td>{v.RowCount}</td><td>{v.ColumnCount}</td>
            <td>{WebFormat.Bytes(v.SizeBytes)}</td><td>{v.CreatedBy}</td><td>{WebFormat.Time(v.CreatedAt)}</td></tr>
            """)));
        return web.Page($"Dataset {name}", Html.Of($"""
            <table id="dataset-versions"><thead><tr><th>Version</th><th>Hash</th><th>Source</th><th>Rows</th><th>Columns</th><th>Size</th><th>Added by</th><th>Added</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """));
    }

    public static async Task<IResult> Detail(string name, string version, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var datasets = new DatasetService(web.Workspace);
        var reference = DatasetRef.Parse($"{name}@{version}");
        var v = await datasets.ResolveAsync(reference, web.Aborted);
        var schema = datasets.GetSchema(v);
        var statistics = datasets.GetStatistics(v).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var validation = await new DatasetValidationService(web.Workspace).GetLatestAsync(v.Id, web.Aborted);
        var profile = await new DatasetProfileService(web.Workspace).GetLatestAsync(v.Id, web.Aborted);
        var lineage = await new LineageService(web.Workspace).ForDatasetAsync(reference, web.Aborted);
        var columns = Html.Join(schema.Columns.Select(c => Column(c, statistics.GetValueOrDefault(c.Name))));
        var runs = lineage.Runs.Count == 0
            ? Html.Raw("<p class=\"muted\" id=\"dataset-runs\">No run trained on this version yet.</p>")
            : Html.Of($"<ul id=\"dataset-runs\">{Html.Join(lineage.Runs.Select(r => Html.Of($"<li>{WebLinks.Run(r.Id, r.Name)} ({r.Experiment}, {r.Status}, by {r.StartedBy})</li>")))}</ul>");
        var models = lineage.ModelVersions.Count == 0
            ? Html.Raw("<p class=\"muted\" id=\"dataset-models\">No model version is built on this version yet.</p>")
            : Html.Of($"<ul id=\"dataset-models\">{Html.Join(lineage.ModelVersions.Select(m => Html.Of($"<li>{WebLinks.ModelVersion(m.Model, m.Version)} ({m.Algorithm}, run {WebLinks.Run(m.RunId)})</li>")))}</ul>");
        return web.Page($"Dataset {v.Label}", Html.Of($"""
            <table id="dataset" class="pairs">
            <tr><th>Hash</th><td><code>{v.Hash}</code></td></tr>
            <tr><th>Source</th><td>{v.SourceName} ({v.SourceFormat}, {WebFormat.Bytes(v.SizeBytes)})</td></tr>
            <tr><th>Rows × columns</th><td>{v.RowCount} × {v.ColumnCount}</td></tr>
            <tr><th>Added</th><td>by {v.CreatedBy} at {WebFormat.Time(v.CreatedAt)}</td></tr>
            <tr><th>Parent version</th><td>{(lineage.Dataset.ParentLabel is { } parent ? WebLinks.DatasetVersion(parent) : Html.Raw("—"))}</td></tr>
            <tr><th>Profile report</th><td id="dataset-profile">{(profile is null
                ? Html.Of($"<span class=\"muted\">not profiled yet: raciflow data profile {v.Label}</span>")
                : Html.Of($"<a href=\"{WebLinks.DatasetVersionPath(name, v.Number)}/profile\">open the report</a> <span class=\"muted\">({WebFormat.Time(profile.CreatedAt)}, by {profile.CreatedBy})</span>"))}</td></tr>
            </table>
            <h2>Validation</h2>
            {Validation(validation, v.Label)}
            <h2>Columns</h2>
            <table id="dataset-columns"><thead><tr><th>Column</th><th>Type</th><th>Nullable</th><th>Missing</th><th>Distinct</th><th>Min</th><th>Median</th><th>Max</th><th>Mean</th><th>Std</th><th>Top values</th></tr></thead>
            <tbody>{columns}</tbody></table>
            <h2>Lineage</h2>
            <h3>Runs trained on it</h3>{runs}
            <h3>Model versions built on it</h3>{models}
            """));
    }

    /// <summary>The stored HTML profile report from the artifact store, self-contained and script-free.</summary>
    public static async Task<IResult> Profile(string name, string version, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var v = await new DatasetService(web.Workspace).ResolveAsync(DatasetRef.Parse($"{name}@{version}"), web.Aborted);
        var profile = await new DatasetProfileService(web.Workspace).GetLatestAsync(v.Id, web.Aborted)
            ?? throw RaciflowException.NotFound($"Dataset version {v.Label} has no profile report yet; make one with 'raciflow data profile {v.Label}'.");
        return WebDownload.Result(http, await web.Workspace.Artifacts.OpenReadAsync(profile.ReportKey, web.Aborted), "profile.html");
    }

    private static Html Column(ColumnSchema column, ColumnStatistics? s) => Html.Of($"""
        <tr><td>{column.Name}</td><td>{column.Type.ToString().ToLowerInvariant()}</td><td>{(column.Nullable ? "yes" : "no")}</td>
        <td class="num">{s?.Missing}{(s is { Missing: > 0 } ? " (" + s.MissingFraction.ToString("P1", CultureInfo.InvariantCulture) + ")" : string.Empty)}</td><td class="num">{s?.Distinct}{(s?.DistinctCapped == true ? "+" : string.Empty)}</td>
        <td class="num">{WebFormat.Number(s?.Min)}</td><td class="num">{WebFormat.Number(s?.Median)}</td><td class="num">{WebFormat.Number(s?.Max)}</td>
        <td class="num">{WebFormat.Number(s?.Mean)}</td><td class="num">{WebFormat.Number(s?.StdDev)}</td>
        <td>{string.Join(", ", (s?.TopValues ?? []).Take(5).Select(t => $"{t.Value} ({t.Count})"))}</td></tr>
        """);

    private static Html Validation(DatasetValidation? stored, string label)
    {
        if (stored is null)
        {
            return Html.Of($"<p class=\"muted\" id=\"dataset-validation\">Not validated yet: raciflow data validate {label}</p>");
        }

        var report = DatasetValidationService.ReadReport(stored);
        var verdict = report.Passed
            ? Html.Of($"<p class=\"notice ok\" id=\"dataset-validation\">Passed, {report.Warnings} warning(s) · {WebFormat.Time(stored.CreatedAt)} by {stored.CreatedBy}</p>")
            : Html.Of($"<p class=\"notice bad\" id=\"dataset-validation\">Failed: {report.Failures} failure(s), {report.Warnings} warning(s) · {WebFormat.Time(stored.CreatedAt)} by {stored.CreatedBy}</p>");
        var failed = report.Checks.Where(c => !c.Passed).OrderBy(c => c.Severity).ToList();
        return failed.Count == 0 ? verdict : Html.Of($"""
            {verdict}
            <table id="dataset-checks"><thead><tr><th>Severity</th><th>Check</th><th>Column</th><th>Observed</th><th>Message</th></tr></thead><tbody>
            {Html.Join(failed.Select(c => Html.Of($"<tr class=\"{c.Severity.ToString().ToLowerInvariant()}\"><td>{c.Severity.ToString().ToLowerInvariant()}</td><td>{c.Name}</td><td>{c.Column ?? "—"}</td><td>{c.Observed}</td><td>{c.Message}</td></tr>")))}
            </tbody></table>
            """);
    }
}
