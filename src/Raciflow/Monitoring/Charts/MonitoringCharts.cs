using System.Text;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.Traffic;
using Raciflow.Training.Evaluation;
using ScottPlot;

namespace Raciflow.Monitoring.Charts;

/// <summary>
/// The monitoring dashboard's charts, rendered server-side with ScottPlot as SVG: traffic, latency percentiles and
/// errors from the prediction log, PSI per feature from drift reports, and a metric per version from feedback.
/// Time runs along the bottom axis in UTC.
/// </summary>
public static class MonitoringCharts
{
    private const int Width = 720;
    private const int Height = 320;

    /// <summary>PSI above this is conventionally read as a significant population shift.</summary>
    public const double PsiSignificant = 0.2;

    public static PlotFile Requests(TrafficSeries traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var plot = TimePlot("Predictions per minute", "per minute");
        AddLine(plot, traffic.Points.Select(p => (p.Start, (double?)p.PerMinute)), "predictions");
        return Render(plot, "requests");
    }

    public static PlotFile Latency(TrafficSeries traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var plot = TimePlot("Latency percentiles", "milliseconds");
        AddLine(plot, traffic.Points.Select(p => (p.Start, p.P50)), "p50");
        AddLine(plot, traffic.Points.Select(p => (p.Start, p.P95)), "p95");
        AddLine(plot, traffic.Points.Select(p => (p.Start, p.P99)), "p99");
        plot.ShowLegend();
        return Render(plot, "latency");
    }

    public static PlotFile Errors(TrafficSeries traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var plot = TimePlot("Errors", "failed predictions");
        AddLine(plot, traffic.Points.Select(p => (p.Start, (double?)p.Errors)), "errors");
        return Render(plot, "errors");
    }

    /// <summary>PSI per feature (and the prediction) per report, oldest first, with the significance line.</summary>
    public static PlotFile DriftOverTime(IReadOnlyList<DatedDriftReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var plot = TimePlot("Drift per feature (PSI)", "PSI");
        var features = reports.SelectMany(r => Columns(r.Report)).Select(f => f.Column).Distinct(StringComparer.Ordinal).ToList();
        foreach (var feature in features)
        {
            AddLine(plot, reports.Select(r => (r.At, Columns(r.Report).FirstOrDefault(f => f.Column == feature)?.Psi)), feature);
        }

        plot.Add.HorizontalLine(PsiSignificant).LinePattern = LinePattern.Dashed;
        plot.ShowLegend(Edge.Right);
        return Render(plot, "drift");
    }

    /// <summary>The task's first metric (R² or accuracy) per window, one line per version.</summary>
    public static PlotFile PerformanceOverTime(PerformanceSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var metric = series.MetricNames.Count > 0 ? series.MetricNames[0] : "metric";
        var plot = TimePlot($"Performance ({metric}) per version", metric);
        foreach (var version in series.Points.GroupBy(p => p.Version))
        {
            AddLine(plot, version.Select(p => (p.Start, p.Metrics.GetValueOrDefault(metric))), $"v{version.Key}");
        }

        if (series.Points.Count > 0)
        {
            plot.ShowLegend();
        }

        return Render(plot, "performance");
    }

    private static IEnumerable<Drift.FeatureDrift> Columns(Drift.DriftReport report) =>
        report.Prediction is { } prediction ? report.Features.Append(prediction) : report.Features;

    private static Plot TimePlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.XLabel("time (UTC)");
        return plot;
    }

    /// <summary>Missing values (an empty bucket's latency, an undefined metric) are left out rather than drawn as zero.</summary>
    private static void AddLine(Plot plot, IEnumerable<(DateTimeOffset At, double? Value)> points, string label)
    {
        var present = points.Where(p => p.Value is { } v && double.IsFinite(v)).ToArray();
        if (present.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(present.Select(p => p.At.UtcDateTime.ToOADate()).ToArray(), present.Select(p => p.Value!.Value).ToArray());
        line.LegendText = label;
        line.MarkerSize = present.Length == 1 ? 6 : 3;
    }

    private static PlotFile Render(Plot plot, string name) =>
        new(name + ".svg", "image/svg+xml", Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height)));
}
