using ScottPlot;

namespace Raciflow.Data.Profiling;

/// <summary>Charts that relate columns: each feature against the target, and missing values across columns.</summary>
internal static class RelationCharts
{
    private const int MaxCategories = 20;
    private const int MaxScatterPoints = 5000;

    /// <summary>The fraction of missing values of every column, as horizontal bars.</summary>
    public static string? Missing(IReadOnlyList<ColumnProfile> columns)
    {
        if (columns.Count == 0)
        {
            return null;
        }

        var plot = ChartSvg.NewPlot("Missing values per column");
        var ordered = columns.Reverse().ToList();
        var positions = Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, ordered.Select(c => 100 * c.MissingFraction).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, ordered.Select(c => ChartSvg.Shorten(c.Name)).ToArray());
        plot.XLabel("% of rows missing");
        plot.Axes.SetLimitsX(0, Math.Max(1, ordered.Max(c => 100 * c.MissingFraction) * 1.1));
        return ChartSvg.Render(plot, 560, Math.Max(ChartSvg.Height, 60 + (22 * ordered.Count)));
    }

    /// <summary>How <paramref name="feature"/> relates to the target, or null for pairs no chart here explains (text, dates).</summary>
    public static string? FeatureVersusTarget(FrameColumn feature, TargetColumn target)
    {
        var targetColumn = target.Column;
        var featureIsNumber = ColumnValues.IsQuantity(feature);
        if (target.IsClassification)
        {
            return featureIsNumber
                ? BoxesByCategory((NumericColumn)feature, targetColumn, $"{feature.Name} by {targetColumn.Name}")
                : ColumnValues.IsCategory(feature) ? CrossTable(feature, targetColumn) : null;
        }

        if (targetColumn is not NumericColumn numericTarget)
        {
            return null;
        }

        return featureIsNumber
            ? Scatter((NumericColumn)feature, numericTarget)
            : ColumnValues.IsCategory(feature) ? BoxesByCategory(numericTarget, feature, $"{targetColumn.Name} by {feature.Name}") : null;
    }

    private static string Scatter(NumericColumn x, NumericColumn y)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var step = Math.Max(1, x.Length / MaxScatterPoints);
        for (var row = 0; row < x.Length; row += step)
        {
            if (!double.IsNaN(x.Values[row]) && !double.IsNaN(y.Values[row]))
            {
                xs.Add(x.Values[row]);
                ys.Add(y.Values[row]);
            }
        }

        var plot = ChartSvg.NewPlot($"{y.Name} against {x.Name}");
        var points = plot.Add.Markers(xs.ToArray(), ys.ToArray());
        points.MarkerSize = 3;
        plot.XLabel(x.Name);
        plot.YLabel(y.Name);
        return ChartSvg.Render(plot);
    }

    /// <summary>One box of <paramref name="values"/> per category of <paramref name="groups"/> (the most frequent 20).</summary>
    private static string BoxesByCategory(NumericColumn values, FrameColumn groups, string title)
    {
        var categories = ColumnValues.Counts(groups).Take(MaxCategories).Select(c => c.Value).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var plot = ChartSvg.NewPlot(title);
        for (var i = 0; i < categories.Count; i++)
        {
            var inGroup = Enumerable.Range(0, values.Length)
                .Where(r => !double.IsNaN(values.Values[r]) && groups.Format(r) == categories[i])
                .Select(r => values.Values[r])
                .ToArray();
            if (Quartiles.Of(inGroup) is { } q)
            {
                ColumnCharts.AddBox(plot, i, inGroup, q);
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.Select(c => ChartSvg.Shorten(c, 12)).ToArray());
        plot.YLabel(values.Name);
        return ChartSvg.Render(plot);
    }

    /// <summary>Share of each target class within each feature category (rows sum to 1), as a heatmap.</summary>
    private static string? CrossTable(FrameColumn feature, FrameColumn target)
    {
        var categories = ColumnValues.Counts(feature).Take(MaxCategories).Select(c => c.Value).ToList();
        var classes = ColumnValues.Counts(target).Take(MaxCategories).Select(c => c.Value).ToList();
        if (categories.Count == 0 || classes.Count == 0)
        {
            return null;
        }

        var shares = new double[categories.Count, classes.Count];
        for (var row = 0; row < feature.Length; row++)
        {
            var i = feature.Format(row) is { } f ? categories.IndexOf(f) : -1;
            var j = target.Format(row) is { } t ? classes.IndexOf(t) : -1;
            if (i >= 0 && j >= 0)
            {
                shares[i, j]++;
            }
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var total = Enumerable.Range(0, classes.Count).Sum(j => shares[i, j]);
            for (var j = 0; j < classes.Count && total > 0; j++)
            {
                shares[i, j] /= total;
            }
        }

        var plot = ChartSvg.NewPlot($"Share of {target.Name} within each {feature.Name}");
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Add.ColorBar(heatmap);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, classes.Count).Select(i => (double)i).ToArray(), classes.Select(c => ChartSvg.Shorten(c, 12)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)(categories.Count - 1 - i)).ToArray(), categories.Select(c => ChartSvg.Shorten(c, 14)).ToArray());
        return ChartSvg.Render(plot);
    }
}
