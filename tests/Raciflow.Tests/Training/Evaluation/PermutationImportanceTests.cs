using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training.Evaluation;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void ShufflingTheColumnAModelUsesCostsScoreAndAnUnusedColumnCostsNothing()
    {
        var x = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        var frame = new Frame(
        [
            new NumericColumn("x", ColumnType.Numeric, x),
            new NumericColumn("noise", ColumnType.Numeric, x.Select(v => Math.Sin(v)).ToArray()),
            new NumericColumn("y", ColumnType.Numeric, x.Select(v => 2 * v).ToArray()),
        ]);

        // A "model" that predicts y = 2x exactly: R² is 1 on the true frame.
        double Score(Frame f) => RegressionMetrics.Compute(((NumericColumn)f["y"]).Values, ((NumericColumn)f["x"]).Values.Select(v => 2 * v).ToArray()).R2;

        var importance = PermutationImportance.Compute(frame, ["noise", "x"], Score, Metric.Get("r2", TaskKind.Regression), repeats: 3, seed: 1);
        Assert.Equal("x", importance[0].Column);
        Assert.True(importance[0].Importance > 1, $"shuffling x should cost more than all of R²; got {importance[0].Importance}");
        Assert.Equal(0.0, importance[1].Importance);
        Assert.Equal(0.0, importance[1].StandardDeviation);
    }

    [Fact]
    public void ForLowerIsBetterMetricsImportanceIsStillPositive()
    {
        var x = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        var frame = new Frame([new NumericColumn("x", ColumnType.Numeric, x), new NumericColumn("y", ColumnType.Numeric, x)]);
        double Mae(Frame f) => RegressionMetrics.Compute(((NumericColumn)f["y"]).Values, ((NumericColumn)f["x"]).Values).Mae;
        var importance = PermutationImportance.Compute(frame, ["x"], Mae, Metric.Get("mae", TaskKind.Regression), repeats: 2, seed: 2);
        Assert.True(importance[0].Importance > 0);
    }
}
