using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class GaussianNaiveBayesTests
{
    private readonly GaussianNaiveBayesAlgorithm _bayes = new();

    [Fact]
    public void ProbabilitiesMatchTheHandComputation()
    {
        // Class 0: x = 1, 3 (mean 2, variance 1, prior 2/5); class 1: x = 6, 8, 10 (mean 8, variance 8/3, prior 3/5).
        // At x = 4 the log-odds are ln(0.4/0.6) + ½ln(8/3) − 2 + 3 = 1.08495, so P(0) = 0.74743. var_smoothing adds
        // 1e-9 × 10.64 (the variance of x) to both variances, included in the expected values.
        var data = TestData.Classification(TestData.Column(1, 3, 6, 8, 10), [0, 0, 1, 1, 1], 2);

        var model = (GaussianNaiveBayesModel)_bayes.Fit(data, TestData.Defaults(_bayes, TaskKind.Binary), 0);

        Assert.Equal(0.4, model.Priors[0], 12);
        Assert.Equal(0.7474294916204819, TestData.Predict(model, 4)[0], 12);
        Assert.Equal(0.9989256338635513, TestData.Predict(model, 2)[0], 12);
        Assert.Equal(0.0007725427243737167, TestData.Predict(model, 6)[0], 12);
    }

    [Fact]
    public void WholeNumberWeightsEqualRepeatedRows()
    {
        var x = TestData.Matrix(new double[,] { { 1, 2 }, { 2, 0 }, { 3, 1 }, { 7, 5 }, { 8, 4 } });
        var weighted = _bayes.Fit(TestData.Classification(x, [0, 0, 0, 1, 1], 2, [2, 1, 1, 1, 3]), TestData.Defaults(_bayes, TaskKind.Binary), 0);
        var repeatedX = TestData.Matrix(new double[,] { { 1, 2 }, { 1, 2 }, { 2, 0 }, { 3, 1 }, { 7, 5 }, { 8, 4 }, { 8, 4 }, { 8, 4 } });
        var repeated = _bayes.Fit(TestData.Classification(repeatedX, [0, 0, 0, 0, 1, 1, 1, 1], 2), TestData.With(_bayes, TaskKind.Binary, ("var_smoothing", 1e-12)), 0);
        var weightedTight = _bayes.Fit(TestData.Classification(x, [0, 0, 0, 1, 1], 2, [2, 1, 1, 1, 3]), TestData.With(_bayes, TaskKind.Binary, ("var_smoothing", 1e-12)), 0);

        Assert.Equal(((GaussianNaiveBayesModel)repeated).Priors, ((GaussianNaiveBayesModel)weighted).Priors);
        var query = TestData.Matrix(new double[,] { { 4, 3 }, { 5, 2 }, { 2, 2 } });
        Assert.Equal(TestData.PredictBatch(repeated, query), TestData.PredictBatch(weightedTight, query), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void AFeatureConstantWithinEachClassStillGivesFiniteProbabilities()
    {
        var x = TestData.Matrix(new double[,] { { 0, 1 }, { 0, 2 }, { 1, 3 }, { 1, 4 } });

        var model = _bayes.Fit(TestData.Classification(x, [0, 0, 1, 1], 2), TestData.Defaults(_bayes, TaskKind.Binary), 0);

        var p = TestData.Predict(model, 0.5, 2.5);
        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Fact]
    public void AClassWithoutRowsGetsProbabilityZero()
    {
        var model = _bayes.Fit(TestData.Classification(TestData.Column(1, 2, 8, 9), [0, 0, 2, 2], 3), TestData.Defaults(_bayes, TaskKind.Multiclass), 0);

        Assert.Equal(0.0, TestData.Predict(model, 5)[1]);
    }

    [Fact]
    public void ClassifiesPenguinSpecies()
    {
        var (train, test) = PenguinData.Split();

        var model = _bayes.Fit(train, TestData.Defaults(_bayes, TaskKind.Multiclass), 0);

        Assert.True(TestData.Accuracy(model, test) > 0.9);
    }
}
