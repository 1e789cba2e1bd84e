using System.Globalization;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Monitoring.Performance;

/// <summary>
/// The task's metrics over labelled predictions, computed by the same code as training evaluation: R², MAE, RMSE
/// for regression; accuracy and macro F1 for classification, plus ROC-AUC for binary. Logged class probabilities
/// are used where present, else the predicted label counts as probability 1.
/// </summary>
internal static class WindowMetrics
{
    public static IReadOnlyList<string> Names(TaskKind task) => task switch
    {
        TaskKind.Regression => ["r2", "mae", "rmse"],
        TaskKind.Binary => ["accuracy", "f1_macro", "roc_auc"],
        _ => ["accuracy", "f1_macro"],
    };

    /// <summary>The task a model's logged predictions show: numbers, or labels of two or more classes.</summary>
    public static TaskKind? TaskOf(IReadOnlyList<LoggedPrediction> predictions)
    {
        var outputs = predictions.Select(p => p.Output).OfType<ModelPrediction>().ToList();
        if (outputs.Count == 0)
        {
            return null;
        }

        if (outputs.All(o => o.Label is null))
        {
            return TaskKind.Regression;
        }

        return ModelClasses(predictions).Count <= 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }

    public static IReadOnlyDictionary<string, double?> Compute(TaskKind task, IReadOnlyList<LabelledPrediction> rows, IReadOnlyList<string> modelClasses)
    {
        if (rows.Count == 0)
        {
            return new Dictionary<string, double?>();
        }

        var all = task == TaskKind.Regression ? Regression(rows) : Classification(rows, modelClasses);
        return Names(task).ToDictionary(n => n, n => all.TryGetValue(n, out var v) && double.IsFinite(v) ? v : (double?)null);
    }

    /// <summary>Class labels the model knows: those it gave probabilities for or predicted, in ordinal order.</summary>
    public static IReadOnlyList<string> ModelClasses(IEnumerable<LoggedPrediction> predictions) =>
        [.. predictions.Select(p => p.Output).OfType<ModelPrediction>()
            .SelectMany(o => (o.Probabilities?.Keys ?? []).Append(o.Label).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IReadOnlyDictionary<string, double> Regression(IReadOnlyList<LabelledPrediction> rows)
    {
        var usable = rows.Where(r => r.Prediction.Output?.Value is { } v && !double.IsNaN(v)).ToList();
        if (usable.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var actual = usable.Select(r => double.Parse(r.Actual, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var predicted = usable.Select(r => r.Prediction.Output!.Value!.Value).ToArray();
        return RegressionMetrics.Compute(actual, predicted).ToDictionary();
    }

    private static IReadOnlyDictionary<string, double> Classification(IReadOnlyList<LabelledPrediction> rows, IReadOnlyList<string> modelClasses)
    {
        var classes = modelClasses.Concat(rows.Select(r => r.Actual)).Distinct(StringComparer.Ordinal).ToList();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var k = classes.Count;
        var actual = new int[rows.Count];
        var probabilities = new double[rows.Count * k];
        for (var r = 0; r < rows.Count; r++)
        {
            actual[r] = index[rows[r].Actual];
            var output = rows[r].Prediction.Output;
            var row = probabilities.AsSpan(r * k, k);
            if (output?.Probabilities is { Count: > 0 } p)
            {
                foreach (var (label, value) in p)
                {
                    row[index[label]] = value;
                }
            }
            else if (output?.Label is { } label)
            {
                row[index[label]] = 1;
            }
        }

        return ClassificationMetrics.Compute(actual, probabilities, k).ToDictionary();
    }
}
