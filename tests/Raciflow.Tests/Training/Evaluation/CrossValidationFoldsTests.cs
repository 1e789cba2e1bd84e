using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training.Evaluation;

public sealed class CrossValidationFoldsTests
{
    [Fact]
    public void FoldsAreDisjointAndCoverEveryRow()
    {
        var data = SyntheticData.Regression(103);
        var folds = CrossValidationFolds.Create(data, 5, seed: 1);
        Assert.Equal(5, folds.Count);
        Assert.Equal(Enumerable.Range(0, 103), folds.SelectMany(f => f.Test).Order());
        foreach (var fold in folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Test));
            Assert.Equal(103, fold.Train.Length + fold.Test.Length);
            Assert.InRange(fold.Test.Length, 20, 21);
        }
    }

    [Fact]
    public void ClassificationFoldsAreStratified()
    {
        // 60 rows of class 0, 30 of class 1, 10 of class 2: each of 5 folds holds 12, 6 and 2.
        var labels = Enumerable.Repeat(0.0, 60).Concat(Enumerable.Repeat(1.0, 30)).Concat(Enumerable.Repeat(2.0, 10)).ToArray();
        var data = new TrainingData(new FeatureMatrix(new double[100], 100, 1, ["x"]), labels, TaskKind.Multiclass, 3);
        foreach (var fold in CrossValidationFolds.Create(data, 5, seed: 3))
        {
            Assert.Equal([12, 6, 2], Enumerable.Range(0, 3).Select(k => fold.Test.Count(r => (int)labels[r] == k)));
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameFolds()
    {
        var data = SyntheticData.Classification(50, 3);
        Assert.Equal(CrossValidationFolds.Create(data, 4, 9).Select(f => f.Test), CrossValidationFolds.Create(data, 4, 9).Select(f => f.Test));
    }

    [Fact]
    public void TooFewRowsForTheFoldsIsAnError()
    {
        var ex = Assert.Throws<RaciflowException>(() => CrossValidationFolds.Create(SyntheticData.Regression(9), 5, 1));
        Assert.Contains("too few", ex.Message, StringComparison.Ordinal);
    }
}
