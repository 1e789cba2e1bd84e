using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class AdaBoostTests
{
    private readonly AdaBoostAlgorithm _adaboost = new();
    private readonly DecisionTreeAlgorithm _tree = new();

    [Fact]
    public void ASammeRoundReweightsAsComputedByHandForTwoClasses()
    {
        // ε = 1/4, α = log(3/1) + log(1) = ln 3; the wrong row's weight ×3 then all ÷1.5.
        double[] weights = [0.25, 0.25, 0.25, 0.25];

        var round = SammeTrainer.Reweight([0, 0, 0, 1], [0, 0, 0, 0], weights, classCount: 2, learningRate: 1, updateWeights: true);

        Assert.Equal(0.25, round.Error, 15);
        Assert.Equal(Math.Log(3), round.EstimatorWeight, 15);
        Assert.Equal([1.0 / 6, 1.0 / 6, 1.0 / 6, 0.5], weights, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void ASammeRoundReweightsAsComputedByHandForThreeClasses()
    {
        // ε = 0.2, α = 0.5·(log 4 + log 2) = ½ln 8; the wrong row ×√8: weights √2 − 1 and 1/(4 + 2√2).
        double[] weights = [0.2, 0.2, 0.2, 0.2, 0.2];

        var round = SammeTrainer.Reweight([0, 1, 2, 0, 0], [0, 1, 2, 1, 0], weights, classCount: 3, learningRate: 0.5, updateWeights: true);

        Assert.Equal(0.2, round.Error, 15);
        Assert.Equal(1.0397207708399179, round.EstimatorWeight, 14);
        Assert.Equal(Math.Sqrt(2) - 1, weights[3], 14);
        Assert.Equal(1 / (4 + (2 * Math.Sqrt(2))), weights[0], 14);
    }

    [Theory]
    [InlineData("linear", 0.39285714285714285, 0.43531807125784566, new[] { 0.20769639492425143, 0.22102275709482988, 0.2502955103707119, 0.3209853376102068 })]
    [InlineData("square", 0.3010204081632653, 0.8424434819224055, new[] { 0.1815961960866059, 0.1847453228507396, 0.2119859579462983, 0.4216725231163561 })]
    [InlineData("exponential", 0.2784509003868301, 0.9521586844325849, new[] { 0.18676661499960434, 0.2120056983046338, 0.2602766536178159, 0.340951033077946 })]
    public void AnR2RoundReweightsAsComputedByHand(string loss, double error, double estimatorWeight, double[] expected)
    {
        // Absolute errors 0, 1, 3, 7 scaled by the largest: e = 0, 1/7, 3/7, 1 (linear; squared or 1 − e^−e for the
        // others). ε = Σ w·loss, β = ε/(1 − ε), say = ln(1/β), w ← w·β^(1 − loss) normalised. For linear loss
        // ε = 11/28, β = 11/17 and the weights are ∝ β, β^(6/7), β^(4/7), 1.
        double[] weights = [0.25, 0.25, 0.25, 0.25];
        var kind = loss switch { "square" => AdaBoostR2Loss.Square, "exponential" => AdaBoostR2Loss.Exponential, _ => AdaBoostR2Loss.Linear };

        var round = AdaBoostR2Trainer.Reweight([1, 2, 4, 8], [1, 1, 1, 1], weights, kind, learningRate: 1, updateWeights: true);

        Assert.Equal(error, round.Error, 14);
        Assert.Equal(estimatorWeight, round.EstimatorWeight, 14);
        Assert.Equal(expected, weights, (a, b) => Math.Abs(a - b) < 1e-14);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 10 }, new[] { 0.1, 0.2, 0.3, 0.4 }, 3.0)]
    [InlineData(new[] { 10.0, 3, 2, 1 }, new[] { 0.4, 0.1, 0.1, 0.4 }, 2.0)]
    [InlineData(new[] { 5.0, 7, 6 }, new[] { 1.0, 1, 1 }, 6.0)]
    public void RegressionPredictsTheWeightedMedianOfTheTrees(double[] treeValues, double[] treeWeights, double expected)
    {
        // Sorted by prediction, the first whose cumulative weight reaches half the total: for 1, 2, 3, 10 weighted
        // 0.1, 0.2, 0.3, 0.4 the cumulative weights are 0.1, 0.3, 0.6 — so 3.
        var trees = treeValues.Select(Constant).ToArray();
        var model = new AdaBoostRegressionModel("adaboost", 1, trees, treeWeights);

        Assert.Equal(expected, TestData.Predict(model, 0)[0]);
    }

    [Fact]
    public void ClassProbabilitiesAreTheSoftmaxOfTheScaledWeightedVotes()
    {
        // Votes for class 0 (α 1), class 1 (α 2) and class 1 (α 1): scores (1, 3, 0)/Σα = (0.25, 0.75, 0), divided by
        // K − 1 = 2 and passed through softmax.
        CartTree[] trees = [Vote(0), Vote(1), Vote(1)];
        var model = new AdaBoostClassificationModel("adaboost", TaskKind.Multiclass, 1, 3, trees, [1, 2, 1]);

        var p = TestData.Predict(model, 0);

        Assert.Equal(0.3158038690944072, p[0], 15);
        Assert.Equal(0.4055001946055472, p[1], 15);
        Assert.Equal(0.27869593630004547, p[2], 15);
    }

    [Fact]
    public void TheFirstStumpGetsTheHandComputedSay()
    {
        // The stump splits x = 1..6 (labels 0 0 0 1 1 0) at 3.5 and gets only x = 6 wrong: ε = 1/6, α = ln 5.
        var data = TestData.Classification(TestData.Column(1, 2, 3, 4, 5, 6), [0, 0, 0, 1, 1, 0], 2);

        var model = (AdaBoostClassificationModel)_adaboost.Fit(data, TestData.With(_adaboost, TaskKind.Binary, ("n_estimators", 10)), 0);

        Assert.Equal(Math.Log(5), model.EstimatorWeights[0], 12);
        Assert.True(model.EstimatorCount > 1);
    }

    [Fact]
    public void BoostedStumpsBeatASingleStumpOnADiagonalBoundary()
    {
        var train = TestData.Synthetic(TaskKind.Binary, 300, seed: 51);
        var test = TestData.Synthetic(TaskKind.Binary, 300, seed: 52);

        var stump = _tree.Fit(train, TestData.With(_tree, TaskKind.Binary, ("max_depth", 1)), 0);
        var boosted = _adaboost.Fit(train, TestData.With(_adaboost, TaskKind.Binary, ("n_estimators", 100)), 0);

        Assert.True(TestData.Accuracy(stump, test) < 0.85);
        Assert.True(TestData.Accuracy(boosted, test) > TestData.Accuracy(stump, test) + 0.08);
    }

    [Fact]
    public void BoostedStumpsBeatASingleStumpOnARegression()
    {
        var train = TestData.Synthetic(TaskKind.Regression, 300, seed: 53);
        var test = TestData.Synthetic(TaskKind.Regression, 300, seed: 54);

        var stump = _tree.Fit(train, TestData.With(_tree, TaskKind.Regression, ("max_depth", 1)), 0);
        var boosted = _adaboost.Fit(train, TestData.With(_adaboost, TaskKind.Regression, ("n_estimators", 100), ("max_depth", 1)), 0);

        Assert.True(TestData.RSquared(boosted, test) > TestData.RSquared(stump, test) + 0.1);
    }

    [Fact]
    public void APerfectFirstRoundStopsWithOneEstimator()
    {
        var data = TestData.Classification(TestData.Column(1, 2, 3, 4), [0, 0, 1, 1], 2);

        var model = (AdaBoostClassificationModel)_adaboost.Fit(data, TestData.Defaults(_adaboost, TaskKind.Binary), 0);

        // One vote for class 1 with α = 1: softmax of scores (0, 1)/(K − 1) gives e/(1 + e).
        Assert.Equal(1, model.EstimatorCount);
        Assert.Equal(Math.E / (1 + Math.E), TestData.Predict(model, 4)[1], 12);
    }

    [Fact]
    public void ClassifiesPenguinSpecies()
    {
        var (train, test) = PenguinData.Split();

        var model = _adaboost.Fit(train, TestData.With(_adaboost, TaskKind.Multiclass, ("max_depth", 2)), 0);

        Assert.True(TestData.Accuracy(model, test) > 0.9);
    }

    [Fact]
    public void LearnsASyntheticRegressionWithDefaults()
    {
        var model = _adaboost.Fit(TestData.Synthetic(TaskKind.Regression, 300, seed: 4), TestData.Defaults(_adaboost, TaskKind.Regression), 0);

        Assert.True(TestData.RSquared(model, TestData.Synthetic(TaskKind.Regression, 200, seed: 5)) > 0.8);
    }

    /// <summary>A one-leaf regression tree.</summary>
    private static CartTree Constant(double value) => new(1, [-1], [0], [-1], [-1], [value]);

    /// <summary>A one-leaf three-class tree that always picks <paramref name="label"/>.</summary>
    private static CartTree Vote(int label)
    {
        var values = new double[3];
        values[label] = 1;
        return new CartTree(3, [-1], [0], [-1], [-1], values);
    }
}
