using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Monitoring;
using Raciflow.Monitoring.Charts;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Monitoring.Traffic;
using Raciflow.Registry;
using Raciflow.Training.Evaluation;
using Raciflow.Workspaces;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /models/{name}/monitoring: traffic, latency and errors from the prediction log, drift per feature over time,
/// performance per version, and the served version's drift now (with a banner when the dataset drifted), then the
/// sections other capabilities contribute (<see cref="IMonitoringPanel"/>). Charts are SVGs rendered by ScottPlot
/// and served from their own routes, so the page itself stays plain HTML without scripts.
/// </summary>
internal static class MonitoringPage
{
    /// <summary>
    /// A page view saves its drift snapshot (the history the drift chart draws) at most this often per version, so
    /// a dashboard left open or reloaded does not fill the artifact store.
    /// </summary>
    public static readonly TimeSpan SnapshotInterval = TimeSpan.FromMinutes(10);

    private static readonly string[] Charts = ["requests", "latency", "errors", "drift", "performance"];

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/models/{name}/monitoring", Get);
        pages.MapGet("/models/{name}/monitoring/charts/{chart}.svg", Chart);
    }

    public static async Task<IResult> Get(string name, string? window, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var span = MonitoringWindow.Parse(window ?? MonitoringWindow.Default);
        var windowText = window ?? MonitoringWindow.Default;
        var model = ModelRef.Parse(name);
        var version = await new ModelRegistry(web.Workspace).GetServedAsync(model, web.Aborted);
        var drift = await CurrentDriftAsync(web, version, span);
        var panels = new List<Html>();
        foreach (var panel in http.RequestServices.GetServices<IMonitoringPanel>().OrderBy(p => p.Order))
        {
            var id = panel.Title.ToLowerInvariant().Replace(' ', '-');
            var body = await panel.RenderAsync(web, version.Model, web.Aborted);
            panels.Add(Html.Of($"<section id=\"{id}\"><h2>{panel.Title}</h2>{body}</section>"));
        }

        var charts = Html.Join(Charts.Select(c => Html.Of(
            $"<figure><img id=\"chart-{c}\" src=\"/models/{Uri.EscapeDataString(version.Model)}/monitoring/charts/{c}.svg?window={Uri.EscapeDataString(windowText)}\" alt=\"{c} over the last {windowText}\" width=\"720\" height=\"320\"></figure>")));
        return web.Page($"Monitoring: {version.Model}", Html.Of($"""
            <p class="muted">Serving {version.Label} ({version.Algorithm}). Window: the last {windowText} ·
            <a href="?window=1h">1h</a> · <a href="?window=24h">24h</a> · <a href="?window=7d">7d</a></p>
            {drift}
            <h2>Traffic, latency, drift and performance</h2>
            <div class="charts">{charts}</div>
            {Html.Join(panels)}
            """));
    }

    public static async Task<IResult> Chart(string name, string chart, string? window, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var span = MonitoringWindow.Parse(window ?? MonitoringWindow.Default);
        var to = web.Workspace.Clock.GetUtcNow();
        var from = to - span;
        var version = await new ModelRegistry(web.Workspace).GetServedAsync(ModelRef.Parse(name), web.Aborted);
        PlotFile plot = chart switch
        {
            "requests" => MonitoringCharts.Requests(await TrafficAsync(web.Workspace, version.Model, from, to, web.Aborted)),
            "latency" => MonitoringCharts.Latency(await TrafficAsync(web.Workspace, version.Model, from, to, web.Aborted)),
            "errors" => MonitoringCharts.Errors(await TrafficAsync(web.Workspace, version.Model, from, to, web.Aborted)),
            "drift" => MonitoringCharts.DriftOverTime(await DriftHistoryAsync(web.Workspace, version, web.Aborted)),
            "performance" => MonitoringCharts.PerformanceOverTime(await new PerformanceService(web.Workspace).ComputeAsync(
                version.Model, PerformanceWindow(span), from, to, cancellationToken: web.Aborted)),
            _ => throw RaciflowException.NotFound($"There is no monitoring chart '{chart}'; the charts are {string.Join(", ", Charts)}."),
        };
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(plot.Content, plot.ContentType);
    }

    /// <summary>About 24 performance points per window: metrics need more rows per point than a traffic count.</summary>
    private static TimeSpan PerformanceWindow(TimeSpan span) => TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(span.TotalMinutes / 24)));

    private static async Task<TrafficSeries> TrafficAsync(Workspace workspace, string model, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        TrafficSeries.Compute(model, await new PredictionLogReader(workspace).ReadAsync(model, null, from, to, cancellationToken), from, to);

    private static async Task<IReadOnlyList<DatedDriftReport>> DriftHistoryAsync(Workspace workspace, ModelVersionDetails version, CancellationToken cancellationToken)
    {
        var store = new DriftReportStore(workspace);
        var history = new List<DatedDriftReport>();
        await foreach (var stored in store.ListAsync(ModelDriftResult.SubjectOf(version.Model, version.Version), cancellationToken))
        {
            history.Add(new DatedDriftReport(stored.CreatedAt, await store.LoadAsync(stored.JsonKey, cancellationToken)));
        }

        return history.OrderBy(h => h.At).ToList();
    }

    /// <summary>
    /// The served version's drift over the window, saved as a snapshot unless one was saved lately; without traffic
    /// or training rows, a notice says why there is no verdict.
    /// </summary>
    private static async Task<Html> CurrentDriftAsync(WebRequest web, ModelVersionDetails version, TimeSpan span)
    {
        var now = web.Workspace.Clock.GetUtcNow();
        ModelDriftResult result;
        try
        {
            result = await new ModelDriftService(web.Workspace).AnalyzeAsync(ModelRef.ForVersion(version.Model, version.Version), DriftCurrent.Window(now - span, now), web.Aborted);
        }
        catch (RaciflowException ex) when (ex.Kind is ErrorKind.NotFound or ErrorKind.Unprocessable)
        {
            return Html.Of($"<h2>Drift now</h2><p class=\"notice warn\" id=\"drift-unavailable\">No drift verdict: {ex.Message}</p>");
        }

        var store = new DriftReportStore(web.Workspace);
        DateTimeOffset? latest = null;
        await foreach (var stored in store.ListAsync(result.Subject, web.Aborted))
        {
            latest = latest is { } l && l > stored.CreatedAt ? l : stored.CreatedAt;
        }

        if (latest is null || now - latest.Value >= SnapshotInterval)
        {
            await store.SaveAsync(result.Report, result.Subject, web.Aborted);
        }

        var report = result.Report;
        var banner = report.DatasetDrift
            ? Html.Of($"<p class=\"notice bad\" id=\"drift-banner\">DRIFT DETECTED: {report.DriftedFeatureCount} of {report.Features.Count} features drifted ({report.DriftedFeatureShare:P0}; the threshold is {report.DriftShare:P0}).</p>")
            : Html.Of($"<p class=\"notice ok\" id=\"drift-banner\">No dataset drift: {report.DriftedFeatureCount} of {report.Features.Count} features drifted ({report.DriftedFeatureShare:P0}; the threshold is {report.DriftShare:P0}).</p>");
        var rows = Html.Join(report.Features.Concat(report.Prediction is { } p ? [p] : []).Select(Row));
        return Html.Of($"""
            <h2>Drift now</h2>
            {banner}
            <p class="muted">{report.ReferenceRows:N0} training rows vs {report.CurrentRows:N0} {result.Current}.</p>
            <table id="drift"><thead><tr><th>Feature</th><th>Test</th><th>Statistic</th><th>p-value / distance</th><th>Threshold</th><th>PSI</th><th>Drifted</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """);
    }

    private static Html Row(FeatureDrift f)
    {
        var summary = FeatureDriftSummary.Of(f);
        return Html.Of($"""
            <tr class="{(f.Drifted ? "drifted" : "stable")}"><td>{f.Column}{(f.IsPrediction ? " (prediction)" : string.Empty)}</td><td>{summary.Test}</td>
            <td>{Number(summary.Statistic)}</td><td>{Number(summary.PValue ?? summary.Statistic)}</td><td>{Number(summary.Threshold)}</td><td>{Number(summary.Psi)}</td>
            <td>{(f.Drifted ? "yes" : "no")}</td></tr>
            """);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
