using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Preprocessing;

namespace Raciflow.Tests.Training.Preprocessing;

public sealed class TaskInferenceTests
{
    private static Frame With(FrameColumn target) => new([target, new NumericColumn("x", ColumnType.Numeric, new double[target.Length])]);

    [Fact]
    public void ManyDistinctNumbersAreRegression() =>
        Assert.Equal(TaskKind.Regression, TaskInference.Infer(With(new NumericColumn("y", ColumnType.Numeric, Enumerable.Range(0, 50).Select(i => i * 1.5).ToArray())), "y"));

    [Fact]
    public void TwoClassesAreBinaryAndMoreAreMulticlass()
    {
        Assert.Equal(TaskKind.Binary, TaskInference.Infer(With(new StringColumn("y", ColumnType.Categorical, ["a", "b", "a"])), "y"));
        Assert.Equal(TaskKind.Multiclass, TaskInference.Infer(With(new StringColumn("y", ColumnType.Categorical, ["a", "b", "c"])), "y"));
        Assert.Equal(TaskKind.Multiclass, TaskInference.Infer(With(new NumericColumn("y", ColumnType.Integer, [0, 1, 2, 1])), "y"));
    }

    [Theory]
    [InlineData("nope", "does not exist")]
    [InlineData("one", "single value")]
    [InlineData("empty", "every row is missing")]
    public void BadTargetsAreNamedErrors(string target, string message)
    {
        var frame = new Frame(
        [
            new StringColumn("one", ColumnType.Categorical, ["a", "a", null]),
            new NumericColumn("empty", ColumnType.Numeric, [double.NaN, double.NaN, double.NaN]),
        ]);
        var ex = Assert.Throws<RaciflowException>(() => TaskInference.Infer(frame, target));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{target}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionOnTextIsRefused()
    {
        var ex = Assert.Throws<RaciflowException>(() => TaskInference.Check(With(new StringColumn("y", ColumnType.Categorical, ["a", "b", "c"])), "y", TaskKind.Regression));
        Assert.Contains("numeric target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryOnThreeClassesIsRefused() =>
        Assert.Throws<RaciflowException>(() => TaskInference.Check(With(new StringColumn("y", ColumnType.Categorical, ["a", "b", "c"])), "y", TaskKind.Binary));

    [Fact]
    public void LabelsAreOrderedNumericallyForNumbers()
    {
        var labels = LabelEncoder.Fit(new NumericColumn("y", ColumnType.Integer, [10, 2, double.NaN, 2]));
        Assert.Equal(["2", "10"], labels.Classes);
        Assert.Equal([1, 0, -1, 0], labels.Encode(new NumericColumn("y", ColumnType.Integer, [10, 2, double.NaN, 2])));
    }
}
