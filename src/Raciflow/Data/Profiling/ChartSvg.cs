using ScottPlot;

namespace Raciflow.Data.Profiling;

/// <summary>Shared chart sizes, styling and the SVG rendering every report chart goes through.</summary>
internal static class ChartSvg
{
    public const int Width = 440;
    public const int Height = 260;
    public const string FontFamily = "DejaVu Sans";

    public static Plot NewPlot(string title)
    {
        var plot = new Plot();

        // The font the glyph positions are measured with; browsers without it substitute their own.
        plot.Font.Set(FontFamily);
        plot.Title(title, size: 13);
        plot.Axes.Title.Label.Bold = false;
        return plot;
    }

    /// <summary>An inline &lt;svg&gt; element: text stays text, so the page needs no font or image files.</summary>
    public static string Render(Plot plot, int width = Width, int height = Height)
    {
        // ScottPlot prefixes an XML declaration, which is out of place inside an HTML document.
        var svg = plot.GetSvgHtml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>
    /// Rotates the bottom tick labels by 45° and reserves room below the axis for the longest, which ScottPlot
    /// would otherwise clip (it sizes the axis for unrotated labels).
    /// </summary>
    public static void RotateBottomLabels(Plot plot, IEnumerable<string> labels)
    {
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 20 + (6.5f * labels.Select(l => l.Length).DefaultIfEmpty(0).Max());
        plot.Axes.Right.MinimumSize = 40;
    }

    /// <summary>Short labels keep tick text from overrunning the plot.</summary>
    public static string Shorten(string text, int max = 18) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
