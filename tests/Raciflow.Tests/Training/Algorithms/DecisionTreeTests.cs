using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class DecisionTreeTests
{
    private readonly DecisionTreeAlgorithm _tree = new();

    [Fact]
    public void AStumpSplitsAStepFunctionHalfwayBetweenTheSteps()
    {
        var data = TestData.Regression(TestData.Column(0, 1, 2, 3, 4, 5), [1, 1, 1, 5, 5, 5]);

        var model = Fit(data, ("max_depth", 1));

        Assert.Equal(3, model.NodeCount);
        Assert.Equal(1.0, TestData.Predict(model, 2.49)[0]);
        Assert.Equal(5.0, TestData.Predict(model, 2.51)[0]);
    }

    [Theory]
    [InlineData("gini")]
    [InlineData("entropy")]
    public void AStumpTakesTheHandComputedBestSplit(string criterion)
    {
        // Labels 0 0 0 1 1 0 at x = 1..6. Weighted Gini per threshold: 1.5 → 2.4, 2.5 → 2, 3.5 → 4/3, 4.5 → 2.5,
        // 5.5 → 2.4; entropy also ranks 3.5 first. Leaves: {0,0,0} and {1,1,0}.
        var data = TestData.Classification(TestData.Column(1, 2, 3, 4, 5, 6), [0, 0, 0, 1, 1, 0], 2);

        var model = Fit(data, ("max_depth", 1), ("criterion", criterion));

        Assert.Equal([1.0, 0.0], TestData.Predict(model, 3.49));
        var right = TestData.Predict(model, 3.51);
        Assert.Equal(1.0 / 3, right[0], 12);
        Assert.Equal(2.0 / 3, right[1], 12);
    }

    [Fact]
    public void RowWeightsShapeTheLeafValues()
    {
        // Best weighted split is 2.5 (weighted SSE 0.75 + 0.5); the left leaf is the weighted mean (0·1 + 1·3)/4.
        var data = TestData.Regression(TestData.Column(1, 2, 3, 4), [0, 1, 10, 11], [1, 3, 1, 1]);

        var model = Fit(data, ("max_depth", 1));

        Assert.Equal(0.75, TestData.Predict(model, 1)[0], 12);
        Assert.Equal(10.5, TestData.Predict(model, 4)[0], 12);
    }

    [Fact]
    public void RowWeightsCanMoveTheSplit()
    {
        // x = 1, 2, 3 with y = 0, 1, 6. Unweighted, 2.5 wins (SSE 0.5 against 12.5 for 1.5). Weighting the 6 by 0.01
        // makes 1.5 cheaper: 25·0.01/1.01 ≈ 0.25 against 2.5's 0.5; x = 2 then falls in {1, 6·0.01}.
        var x = TestData.Column(1, 2, 3);
        double[] y = [0, 1, 6];

        var plain = Fit(TestData.Regression(x, y), ("max_depth", 1));
        var weighted = Fit(TestData.Regression(x, y, [1, 1, 0.01]), ("max_depth", 1));

        Assert.Equal(0.5, TestData.Predict(plain, 2)[0], 12);
        Assert.Equal(1.06 / 1.01, TestData.Predict(weighted, 2)[0], 12);
    }

    [Fact]
    public void TwoLevelsSolveXorWhichOneLevelCannot()
    {
        var x = TestData.Matrix(new double[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var data = TestData.Classification(x, [0, 1, 1, 0], 2);

        var stump = Fit(data, ("max_depth", 1));
        var tree = Fit(data, ("max_depth", 2));

        Assert.Equal([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], TestData.PredictBatch(stump, x));
        Assert.Equal([1.0, 0, 0, 1, 0, 1, 1, 0], TestData.PredictBatch(tree, x));
    }

    [Fact]
    public void MinSamplesLeafForbidsSmallLeaves()
    {
        var data = TestData.Regression(TestData.Column(0, 1, 2, 3, 4, 5), [1, 1, 1, 5, 5, 5]);

        var model = Fit(data, ("min_samples_leaf", 4));

        Assert.Equal(1, model.NodeCount);
        Assert.Equal(3.0, TestData.Predict(model, 0)[0]);
    }

    [Fact]
    public void MaxDepthBoundsTheTree()
    {
        var model = Fit(TestData.Synthetic(TaskKind.Regression, 200, seed: 41), ("max_depth", 3));

        Assert.Equal(3, model.Depth);
        Assert.Equal(15, model.NodeCount);
    }

    [Fact]
    public void FeatureSubsamplingIsDrivenByTheSeed()
    {
        var data = TestData.Synthetic(TaskKind.Multiclass, 120, seed: 42);
        var hyperparameters = TestData.With(_tree, TaskKind.Multiclass, ("max_features", 0.25), ("max_depth", 4));

        var bySeed = Enumerable.Range(0, 5).Select(seed => TestData.Save(_tree.Fit(data, hyperparameters, seed))).ToList();

        Assert.Equal(bySeed[0], TestData.Save(_tree.Fit(data, hyperparameters, 0)));
        Assert.Contains(bySeed.Skip(1), b => !b.SequenceEqual(bySeed[0]));
    }

    [Fact]
    public void ClassifiesPenguinSpecies()
    {
        var (train, test) = PenguinData.Split();

        var model = _tree.Fit(train, TestData.Defaults(_tree, TaskKind.Multiclass), 0);

        Assert.True(TestData.Accuracy(model, test) > 0.9);
    }

    [Fact]
    public void LearnsASyntheticRegression()
    {
        var model = _tree.Fit(TestData.Synthetic(TaskKind.Regression, 400, seed: 4), TestData.With(_tree, TaskKind.Regression, ("min_samples_leaf", 3)), 0);

        Assert.True(TestData.RSquared(model, TestData.Synthetic(TaskKind.Regression, 200, seed: 5)) > 0.75);
    }

    private DecisionTreeModel Fit(TrainingData data, params (string, object)[] hyperparameters) =>
        (DecisionTreeModel)_tree.Fit(data, TestData.With(_tree, data.Task, hyperparameters), 0);
}
