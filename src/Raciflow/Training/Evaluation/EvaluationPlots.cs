using System.Globalization;
using System.Text;
using ScottPlot;

namespace Raciflow.Training.Evaluation;

/// <summary>
/// Evaluation charts rendered with ScottPlot: predicted vs actual and residuals (regression), confusion matrix and
/// ROC curves (classification). Each returns a file the caller stores as a run artifact.
/// </summary>
public static class EvaluationPlots
{
    private const int Width = 640;
    private const int Height = 480;

    public static PlotFile PredictedVsActual(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, PlotFormat format = PlotFormat.Svg)
    {
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(actual.ToArray(), predicted.ToArray());
        points.MarkerSize = 4;
        var lo = Math.Min(actual.DefaultIfEmpty(0).Min(), predicted.DefaultIfEmpty(0).Min());
        var hi = Math.Max(actual.DefaultIfEmpty(1).Max(), predicted.DefaultIfEmpty(1).Max());
        plot.Add.Line(lo, lo, hi, hi).LinePattern = LinePattern.Dashed;
        plot.Title("Predicted vs actual");
        plot.XLabel("Actual");
        plot.YLabel("Predicted");
        return Render(plot, "predicted-vs-actual", format);
    }

    public static PlotFile Residuals(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, PlotFormat format = PlotFormat.Svg)
    {
        var plot = new Plot();
        var residuals = actual.Zip(predicted, (a, p) => a - p).ToArray();
        plot.Add.ScatterPoints(predicted.ToArray(), residuals).MarkerSize = 4;
        plot.Add.HorizontalLine(0).LinePattern = LinePattern.Dashed;
        plot.Title("Residuals");
        plot.XLabel("Predicted");
        plot.YLabel("Actual − predicted");
        return Render(plot, "residuals", format);
    }

    public static PlotFile ConfusionMatrix(int[][] counts, IReadOnlyList<string> classes, PlotFormat format = PlotFormat.Svg)
    {
        var k = classes.Count;
        var grid = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var p = 0; p < k; p++)
            {
                grid[a, p] = counts[a][p];
            }
        }

        var plot = new Plot();
        plot.Add.Heatmap(grid).Colormap = new ScottPlot.Colormaps.Blues();
        for (var a = 0; a < k; a++)
        {
            for (var p = 0; p < k; p++)
            {
                // Heatmap row 0 is drawn at the top: cell (a, p) is centred at x = p + 0.5, y = k - a - 0.5.
                var label = plot.Add.Text(counts[a][p].ToString(CultureInfo.InvariantCulture), p + 0.5, k - a - 0.5);
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        var ticks = Enumerable.Range(0, k).Select(i => new Tick(i + 0.5, classes[i])).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, k).Select(i => new Tick(k - i - 0.5, classes[i])).ToArray());
        plot.Title("Confusion matrix");
        plot.XLabel("Predicted");
        plot.YLabel("Actual");
        return Render(plot, "confusion-matrix", format);
    }

    public static PlotFile Roc(IReadOnlyList<RocCurve> curves, PlotFormat format = PlotFormat.Svg)
    {
        var plot = new Plot();
        foreach (var curve in curves)
        {
            var line = plot.Add.ScatterLine(curve.Points.Select(p => p.FalsePositiveRate).ToArray(), curve.Points.Select(p => p.TruePositiveRate).ToArray());
            line.LegendText = $"{curve.PositiveClass} (AUC {curve.Auc.ToString("0.000", CultureInfo.InvariantCulture)})";
        }

        plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        plot.ShowLegend();
        plot.Title("ROC");
        plot.XLabel("False-positive rate");
        plot.YLabel("True-positive rate");
        return Render(plot, "roc", format);
    }

    /// <summary>Each trial's cross-validated score in the order tried, with the best so far as a step line.</summary>
    public static PlotFile TuningHistory(IReadOnlyList<(int Trial, double Score, bool Pruned)> trials, Metric metric, PlotFormat format = PlotFormat.Svg)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var plot = new Plot();
        var ordered = trials.OrderBy(t => t.Trial).ToArray();
        var completed = ordered.Where(t => !t.Pruned && !double.IsNaN(t.Score)).ToArray();
        plot.Add.ScatterPoints(completed.Select(t => (double)t.Trial).ToArray(), completed.Select(t => t.Score).ToArray()).LegendText = "trial";
        var pruned = ordered.Where(t => t.Pruned && !double.IsNaN(t.Score)).ToArray();
        if (pruned.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(pruned.Select(t => (double)t.Trial).ToArray(), pruned.Select(t => t.Score).ToArray());
            marks.LegendText = "stopped early (first fold)";
            marks.MarkerShape = MarkerShape.OpenCircle;
        }

        if (completed.Length > 0)
        {
            var best = new double[completed.Length];
            for (var i = 0; i < completed.Length; i++)
            {
                best[i] = i == 0 || metric.IsBetter(completed[i].Score, best[i - 1]) ? completed[i].Score : best[i - 1];
            }

            var line = plot.Add.Scatter(completed.Select(t => (double)t.Trial).ToArray(), best);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LegendText = "best so far";
        }

        plot.ShowLegend();
        plot.Title("Tuning history");
        plot.XLabel("Trial");
        plot.YLabel($"CV {metric.Name}");
        return Render(plot, "tuning-history", format);
    }

    private static PlotFile Render(Plot plot, string name, PlotFormat format) => format == PlotFormat.Svg
        ? new PlotFile(name + ".svg", "image/svg+xml", Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height)))
        : new PlotFile(name + ".png", "image/png", plot.GetImageBytes(Width, Height, ImageFormat.Png));
}
