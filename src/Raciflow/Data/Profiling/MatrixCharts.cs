using System.Globalization;
using ScottPlot;

namespace Raciflow.Data.Profiling;

/// <summary>Heatmaps of pairwise measures (correlation, association) with the value written in each cell.</summary>
internal static class MatrixCharts
{
    public static string? Heatmap(string title, LabelledMatrix matrix, double min, double max)
    {
        var n = matrix.Names.Count;
        if (n < 2)
        {
            return null;
        }

        var plot = ChartSvg.NewPlot(title);

        // ScottPlot draws row 0 of the array at the top; rows and columns follow the column order.
        var heatmap = plot.Add.Heatmap(matrix.Values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(min, max);
        plot.Add.ColorBar(heatmap);
        var labels = matrix.Names.Select(name => ChartSvg.Shorten(name, 14)).ToArray();
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels);
        ChartSvg.RotateBottomLabels(plot, labels);
        plot.Axes.Left.SetTicks(positions.Select(p => n - 1 - p).ToArray(), labels);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var value = matrix.Values[i, j];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var text = plot.Add.Text(value.ToString("0.00", CultureInfo.InvariantCulture), j, n - 1 - i);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = n > 10 ? 8 : 11;
                text.LabelFontColor = (value - min) / (max - min) > 0.6 ? Colors.Black : Colors.White;
            }
        }

        var size = Math.Clamp(220 + (48 * n), 420, 900);
        return ChartSvg.Render(plot, size + 80, size + 40);
    }
}
