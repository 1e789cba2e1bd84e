using ScottPlot;

namespace Raciflow.Data.Profiling;

/// <summary>Shared chart sizes, styling and the SVG rendering every report chart goes through.</summary>
internal static class ChartSvg
{
    public const int Width = 440;
    public const int Height = 260;

    public static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, size: 13);
        plot.Axes.Title.Label.Bold = false;
        return plot;
    }

    /// <summary>An inline &lt;svg&gt; element: text stays text, so the page needs no font or image files.</summary>
    public static string Render(Plot plot, int width = Width, int height = Height) => plot.GetSvgHtml(width, height);

    /// <summary>Short labels keep tick text from overrunning the plot.</summary>
    public static string Shorten(string text, int max = 18) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
