using ScottPlot;

namespace Raciflow.Monitoring.Drift.Reporting;

/// <summary>
/// Draws one feature's reference and current distributions as SVG with ScottPlot: overlaid translucent histograms
/// for numeric columns, side-by-side bars per category otherwise.
/// </summary>
public static class DriftChart
{
    private const string MeasuringFont = "DejaVu Sans";
    private const string FontStack = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

    private static readonly Color ReferenceColor = Color.FromHex("#1f77b4");
    private static readonly Color CurrentColor = Color.FromHex("#ff7f0e");

    public static string Svg(FeatureDrift feature, int width = 560, int height = 300)
    {
        var plot = new Plot();

        // Measure text with a font Skia can find here; the SVG then names a stack, so any browser picks a sans-serif.
        plot.Font.Set(MeasuringFont);
        var d = feature.Distribution;
        if (d.Kind == DistributionKind.Histogram)
        {
            Histogram(plot, d);
        }
        else
        {
            GroupedBars(plot, d);
        }

        plot.Title(feature.Column, size: 14);
        plot.Axes.Left.Label.Text = "share of rows";
        plot.Axes.Margins(bottom: 0, top: 0.25); // headroom so the legend does not hide the tallest bar
        plot.ShowLegend(Alignment.UpperCenter, Orientation.Horizontal); // one line, inside the headroom above the bars
        var svg = plot.GetSvgXml(width, height).Replace($"font-family=\"{plot.Axes.Title.Label.FontName}\"", $"font-family=\"{FontStack}\"", StringComparison.Ordinal);

        // Inline SVG inside HTML must not carry an XML declaration.
        return svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
    }

    private static void Histogram(Plot plot, DistributionSummary d)
    {
        var edges = d.BinEdges;
        var centres = Enumerable.Range(0, d.Labels.Count).Select(k => (edges[k] + edges[k + 1]) / 2).ToArray();
        var width = edges[^1] > edges[0] ? (edges[^1] - edges[0]) / d.Labels.Count : 1;
        AddBars(plot, centres, d.ReferenceShares, width, ReferenceColor.WithAlpha(0.55), "reference");
        AddBars(plot, centres, d.CurrentShares, width, CurrentColor.WithAlpha(0.55), "current");
    }

    private static void GroupedBars(Plot plot, DistributionSummary d)
    {
        var positions = Enumerable.Range(0, d.Labels.Count).Select(k => (double)k).ToArray();
        AddBars(plot, [.. positions.Select(p => p - 0.2)], d.ReferenceShares, 0.4, ReferenceColor, "reference");
        AddBars(plot, [.. positions.Select(p => p + 0.2)], d.CurrentShares, 0.4, CurrentColor, "current");
        var labels = d.Labels.Select(Shorten).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels);
        if (d.Labels.Count > 6)
        {
            // ScottPlot's rotated-label recipe: rotate up-left, anchor at the label's end, and reserve room below.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 12 + (6 * labels.Max(l => l.Length));
            plot.Axes.Right.MinimumSize = 30;
        }
    }

    private static void AddBars(Plot plot, double[] positions, IReadOnlyList<double> shares, double size, Color color, string label)
    {
        var bars = plot.Add.Bars(positions, [.. shares]);
        foreach (var bar in bars.Bars)
        {
            bar.Size = size;
            bar.FillColor = color;
            bar.LineWidth = 0;
        }

        bars.LegendText = label;
    }

    private static string Shorten(string label) => label.Length <= 18 ? label : label[..17] + "…";
}
