using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training.Evaluation;

public sealed class MetricTests
{
    [Fact]
    public void RegressionMetricsMatchHandComputedValues()
    {
        // scikit-learn's documentation example: r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.948...
        var m = RegressionMetrics.Compute([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
        Assert.Equal(0.5, m.Mae, 12);
        Assert.Equal(Math.Sqrt(0.375), m.Rmse, 12);

        // SS_res = 1.5; mean 2.875, SS_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875.
        Assert.Equal(1 - (1.5 / 29.1875), m.R2, 12);
        Assert.Equal(((0.5 / 3) + 1 + 0 + (1.0 / 7)) / 4, m.Mape, 12);
    }

    [Fact]
    public void MapeSkipsZeroActuals() => Assert.Equal(0.5, RegressionMetrics.Compute([0, 2], [1, 1]).Mape, 12);

    [Fact]
    public void ClassificationMetricsMatchHandComputedValues()
    {
        // scikit-learn's example: y_true [0, 1, 2, 0, 1, 2], y_pred [0, 2, 1, 0, 0, 1]; predicted class gets 0.8.
        int[] actual = [0, 1, 2, 0, 1, 2];
        int[] predicted = [0, 2, 1, 0, 0, 1];
        var probabilities = predicted.SelectMany(p => Enumerable.Range(0, 3).Select(k => k == p ? 0.8 : 0.1)).ToArray();
        var m = ClassificationMetrics.Compute(actual, probabilities, 3);

        Assert.Equal(2.0 / 6, m.Accuracy, 12);
        Assert.Equal((2.0 / 3) / 3, m.PrecisionMacro, 12);   // per class 2/3, 0, 0
        Assert.Equal(1.0 / 3, m.RecallMacro, 12);            // per class 1, 0, 0
        Assert.Equal(0.8 / 3, m.F1Macro, 12);                // per class 0.8, 0, 0
        Assert.Equal(0.8 / 3, m.F1Weighted, 12);             // equal supports
        Assert.Equal(-((2 * Math.Log(0.8)) + (4 * Math.Log(0.1))) / 6, m.LogLoss, 12);
        Assert.Equal([[2, 0, 0], [1, 0, 1], [0, 2, 0]], m.ConfusionMatrix);
    }

    [Fact]
    public void WeightedAveragesUseSupport()
    {
        // Classes 0 (3 rows, all right) and 1 (1 row, predicted 0): precision 3/4 and 0, recall 1 and 0, F1 6/7 and 0.
        int[] actual = [0, 0, 0, 1];
        double[] probabilities = [0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.6, 0.4];
        var m = ClassificationMetrics.Compute(actual, probabilities, 2);
        Assert.Equal(0.75 * 0.75, m.PrecisionWeighted, 12);
        Assert.Equal(0.75, m.RecallWeighted, 12);
        Assert.Equal((6.0 / 7) * 0.75, m.F1Weighted, 12);
        Assert.Equal(3.0 / 7, m.F1Macro, 12);

        // Positive score 0.4 beats every negative score 0.1: AUC 1.
        Assert.Equal(1.0, m.RocAuc, 12);
    }

    [Fact]
    public void BinaryAucMatchesTheKnownExample()
    {
        // scikit-learn's roc_auc_score example: y [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.75.
        var curve = RocCurve.Compute("1", [0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(0.75, curve.Auc, 12);
        Assert.Equal((0.0, 0.0), curve.Points[0]);
        Assert.Equal((1.0, 1.0), curve.Points[^1]);
    }

    [Fact]
    public void TiedScoresCountHalf()
    {
        // Pairs (positive, negative): (0.5, 0.5) = ½, (0.5, 0.2) = 1, (0.9, 0.5) = 1, (0.9, 0.2) = 1 → 3.5 / 4.
        Assert.Equal(0.875, RocCurve.Compute("1", [0.5, 0.5, 0.2, 0.9], [false, true, false, true]).Auc, 12);
    }

    [Fact]
    public void MulticlassAucIsTheMacroAverageOfOneVersusRest()
    {
        // Class 0 is ranked perfectly (AUC 1). Class 1's one positive (0.4) beats negatives 0.1, 0.1 and ties 0.4:
        // 2.5 / 3; class 2 likewise. Macro: (1 + 5/6 + 5/6) / 3 = 8/9.
        int[] actual = [0, 1, 2, 0];
        double[] p = [0.8, 0.1, 0.1, 0.2, 0.4, 0.4, 0.2, 0.4, 0.4, 0.8, 0.1, 0.1];
        Assert.Equal(8.0 / 9, ClassificationMetrics.Compute(actual, p, 3).RocAuc, 12);
    }

    [Fact]
    public void MetricNamesAreCheckedAgainstTheTask()
    {
        Assert.Equal("f1_macro", Metric.DefaultFor(TaskKind.Multiclass).Name);
        Assert.False(Metric.Get("rmse", TaskKind.Regression).HigherIsBetter);
        Assert.Contains("does not apply", Assert.Throws<RaciflowException>(() => Metric.Get("rmse", TaskKind.Binary)).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown metric", Assert.Throws<RaciflowException>(() => Metric.Get("nope", TaskKind.Binary)).Message, StringComparison.Ordinal);
    }
}
