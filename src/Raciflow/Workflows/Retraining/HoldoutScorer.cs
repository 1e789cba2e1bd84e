using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Workflows.Retraining;

/// <summary>Scores a model bundle on labelled rows with the task's metrics, as training evaluation does.</summary>
internal static class HoldoutScorer
{
    public static IReadOnlyDictionary<string, double> Score(ModelBundle bundle, Frame rows, string target)
    {
        var labels = rows[target];
        var raw = bundle.PredictRaw(rows);
        if (bundle.Task == TaskKind.Regression)
        {
            var actual = ((NumericColumn)labels).Values;
            var keep = Enumerable.Range(0, rows.RowCount).Where(r => !double.IsNaN(actual[r])).ToList();
            return RegressionMetrics.Compute(keep.Select(r => actual[r]).ToArray(), keep.Select(r => raw[r]).ToArray()).ToDictionary();
        }

        // Rows whose label the model never saw cannot be scored by its class probabilities; they are left out.
        var width = bundle.Classes.Count;
        var index = bundle.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var known = Enumerable.Range(0, rows.RowCount).Where(r => labels.Format(r) is { } l && index.ContainsKey(l)).ToList();
        var classes = known.Select(r => index[labels.Format(r)!]).ToArray();
        var probabilities = known.SelectMany(r => raw.AsSpan(r * width, width).ToArray()).ToArray();
        return ClassificationMetrics.Compute(classes, probabilities, width).ToDictionary();
    }
}
