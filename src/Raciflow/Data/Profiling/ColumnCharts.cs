using ScottPlot;
using ScottPlot.Statistics;

namespace Raciflow.Data.Profiling;

/// <summary>The distribution chart of one column: histogram (numbers, dates), bar chart (labels) and box plot (numbers).</summary>
internal static class ColumnCharts
{
    private const int MaxBars = 20;

    /// <summary>The chart that best shows the column's distribution, or null when it has no values.</summary>
    public static string? Distribution(FrameColumn column, ColumnProfile profile) => column switch
    {
        NumericColumn n when ColumnValues.IsQuantity(n) => Histogram(n.Name, ColumnValues.Present(n), dates: false),
        DateTimeColumn d => Histogram(d.Name, d.Values.Where(v => v is not null).Select(v => v!.Value.ToOADate()).ToArray(), dates: true),
        _ => profile.TopValues.Count == 0 ? null : Bars(column.Name, profile.TopValues, profile.Distinct),
    };

    /// <summary>Sturges' rule for the bin count (log2 n + 1), bounded to keep bars readable.</summary>
    public static int BinCount(int values) => Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(values, 1))) + 1, 5, 40);

    public static string? Histogram(string name, double[] values, bool dates)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var plot = ChartSvg.NewPlot($"Distribution of {name}");
        var min = values.Min();
        var max = values.Max();
        if (min == max)
        {
            max = min + 1;
        }

        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(BinCount(values.Length), min, max);
        histogram.AddRange(values);
        var bars = plot.Add.Bars(histogram.Bins, histogram.Counts);
        foreach (var bar in bars.Bars)
        {
            bar.Size = histogram.FirstBinSize;
            bar.LineWidth = 0;
        }

        if (dates)
        {
            plot.Axes.DateTimeTicksBottom();
        }

        plot.YLabel("rows");
        plot.Axes.Margins(bottom: 0);
        return ChartSvg.Render(plot);
    }

    public static string Bars(string name, IReadOnlyList<ValueCount> top, int distinct)
    {
        var shown = top.Take(MaxBars).Reverse().ToList();
        var title = distinct > shown.Count ? $"Top {shown.Count} of {distinct} values of {name}" : $"Values of {name}";
        var plot = ChartSvg.NewPlot(title);
        var positions = Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, shown.Select(v => (double)v.Count).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, shown.Select(v => ChartSvg.Shorten(v.Value)).ToArray());
        plot.XLabel("rows");
        plot.Axes.Margins(left: 0);
        return ChartSvg.Render(plot, ChartSvg.Width, Math.Max(ChartSvg.Height, 60 + (18 * shown.Count)));
    }

    /// <summary>A Tukey box plot: box from Q1 to Q3, whiskers to the furthest values within 1.5 × IQR, outliers as points.</summary>
    public static string? Box(string name, double[] values)
    {
        var q = Quartiles.Of(values);
        if (q is null)
        {
            return null;
        }

        var plot = ChartSvg.NewPlot($"Box plot of {name}");
        AddBox(plot, 0, values, q);
        plot.Axes.Bottom.SetTicks([0], [name]);
        return ChartSvg.Render(plot, 260, ChartSvg.Height);
    }

    internal static void AddBox(Plot plot, double position, double[] values, Quartiles q)
    {
        var low = q.Q1 - (1.5 * q.Iqr);
        var high = q.Q3 + (1.5 * q.Iqr);
        var inside = values.Where(v => v >= low && v <= high).ToList();
        plot.Add.Box(new Box
        {
            Position = position,
            BoxMin = q.Q1,
            BoxMax = q.Q3,
            BoxMiddle = q.Median,
            WhiskerMin = inside.Count > 0 ? inside.Min() : q.Q1,
            WhiskerMax = inside.Count > 0 ? inside.Max() : q.Q3,
        });
        var outliers = values.Where(v => v < low || v > high).ToArray();
        if (outliers.Length > 0)
        {
            var markers = plot.Add.Markers(Enumerable.Repeat(position, outliers.Length).ToArray(), outliers);
            markers.MarkerSize = 4;
        }
    }
}
