using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class LassoAndElasticNetTests
{
    private readonly LassoRegressionAlgorithm _lasso = new();
    private readonly ElasticNetAlgorithm _elasticNet = new();
    private readonly LinearRegressionAlgorithm _linear = new();
    private readonly RidgeRegressionAlgorithm _ridge = new();

    [Fact]
    public void TheScikitLearnDocumentationExampleGivesItsDocumentedCoefficients()
    {
        // sklearn.linear_model.Lasso docstring: Lasso(alpha=0.1).fit([[0,0],[1,1],[2,2]], [0,1,2]) → coef_ [0.85, 0.], intercept_ 0.15.
        var x = TestData.Matrix(new double[,] { { 0, 0 }, { 1, 1 }, { 2, 2 } });

        var model = Lasso(TestData.Regression(x, [0, 1, 2]), alpha: 0.1);

        Assert.Equal(0.85, model.Coefficients[0], 1e-12);
        Assert.Equal(0.0, model.Coefficients[1]);
        Assert.Equal(0.15, model.Intercept, 1e-12);
        Assert.True(model.Converged);
        Assert.Equal(2, model.Iterations);
    }

    [Fact]
    public void StoppingBeforeTheDualityGapClosesIsReported()
    {
        // Two nearly collinear features make cyclic coordinate descent crawl; one sweep cannot reach the optimum.
        var x = TestData.Matrix(new double[,] { { 1, 1.01 }, { 2, 1.98 }, { 3, 3.02 }, { 4, 3.97 } });
        var design = CenteredDesign.From(TestData.Regression(x, [1, 2, 2, 5]));

        var result = CoordinateDescentSolver.Solve(design, alpha: 1e-4, l1Ratio: 1, maxIterations: 1, tolerance: 1e-8, CancellationToken.None);

        Assert.False(result.Converged);
        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void OneFeatureMatchesTheHandComputedSoftThreshold()
    {
        // n = 4, x̄ = 2.5, ȳ = 4.5, Sxy/n = 2.5, Sxx/n = 1.25: w = S(2.5, α)/1.25.
        var data = TestData.Regression(TestData.Column(1, 2, 3, 4), [2, 3, 5, 8]);

        var moderate = Lasso(data, alpha: 1);
        var strong = Lasso(data, alpha: 3);

        Assert.Equal(1.2, moderate.Coefficients[0], 1e-12);
        Assert.Equal(1.5, moderate.Intercept, 1e-12);
        Assert.Equal(0.0, strong.Coefficients[0]);
        Assert.Equal(4.5, strong.Intercept, 1e-12);
    }

    [Fact]
    public void ElasticNetOnOneFeatureMatchesTheHandComputedUpdate()
    {
        // w = S(Sxy/n, α·ρ)/(Sxx/n + α(1 − ρ)) = S(2.5, 0.5)/(1.25 + 0.5) = 8/7.
        var data = TestData.Regression(TestData.Column(1, 2, 3, 4), [2, 3, 5, 8]);

        var model = ElasticNet(data, alpha: 1, l1Ratio: 0.5);

        Assert.Equal(8.0 / 7, model.Coefficients[0], 1e-12);
        Assert.Equal(4.5 - (2.5 * 8 / 7), model.Intercept, 1e-12);
    }

    [Fact]
    public void IrrelevantFeaturesGetExactlyZero()
    {
        var data = TestData.Synthetic(TaskKind.Regression, 200, seed: 12);

        var model = Lasso(data, alpha: 0.1);

        Assert.Equal(0.0, model.Coefficients[3]);
        Assert.InRange(model.Coefficients[0], 2.8, 3.0);
        Assert.InRange(model.Coefficients[1], -2.0, -1.8);
        Assert.InRange(model.Coefficients[2], 0.3, 0.5);
    }

    [Fact]
    public void AVanishingPenaltyApproachesLeastSquares()
    {
        var data = TestData.Synthetic(TaskKind.Regression, 100, seed: 13);
        var ols = (LinearModel)_linear.Fit(data, TestData.Defaults(_linear, TaskKind.Regression), 0);

        var lasso = Lasso(data, alpha: 1e-5);

        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(ols.Coefficients[j], lasso.Coefficients[j], 1e-3);
        }

        Assert.Equal(ols.Intercept, lasso.Intercept, 1e-3);
    }

    [Fact]
    public void ElasticNetWithoutL1IsRidgeWithThePenaltyScaledByTheRowCount()
    {
        // (1/(2n))‖r‖² + (α/2)‖w‖² has the minimiser of ‖r‖² + nα‖w‖².
        var data = TestData.Synthetic(TaskKind.Regression, 50, seed: 14);
        var ridge = (LinearModel)_ridge.Fit(data, TestData.With(_ridge, TaskKind.Regression, ("alpha", 50 * 0.2)), 0);

        var net = ElasticNet(data, alpha: 0.2, l1Ratio: 0);

        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(ridge.Coefficients[j], net.Coefficients[j], 1e-6);
        }
    }

    [Fact]
    public void ElasticNetWithOnlyL1IsTheLasso()
    {
        var data = TestData.Synthetic(TaskKind.Regression, 50, seed: 15);

        var lasso = Lasso(data, alpha: 0.3);
        var net = ElasticNet(data, alpha: 0.3, l1Ratio: 1);

        Assert.Equal(lasso.Coefficients, net.Coefficients);
        Assert.Equal(lasso.Intercept, net.Intercept);
    }

    [Fact]
    public void ConstantLabelsGiveZeroCoefficientsAndTheirValueAsIntercept()
    {
        var model = Lasso(TestData.Regression(TestData.Column(1, 2, 3), [7, 7, 7]), alpha: 0.1);

        Assert.Equal(0.0, model.Coefficients[0]);
        Assert.Equal(7.0, model.Intercept);
    }

    [Fact]
    public void BothLearnANoisyLinearProblem()
    {
        var train = TestData.Synthetic(TaskKind.Regression, 200, seed: 4);
        var test = TestData.Synthetic(TaskKind.Regression, 200, seed: 5);

        Assert.True(TestData.RSquared(Lasso(train, alpha: 0.01), test) > 0.99);
        Assert.True(TestData.RSquared(ElasticNet(train, alpha: 0.01, l1Ratio: 0.5), test) > 0.99);
    }

    private LinearModel Lasso(TrainingData data, double alpha) =>
        (LinearModel)_lasso.Fit(data, TestData.With(_lasso, TaskKind.Regression, ("alpha", alpha), ("tol", 1e-8), ("max_iter", 10_000)), 0);

    private LinearModel ElasticNet(TrainingData data, double alpha, double l1Ratio) =>
        (LinearModel)_elasticNet.Fit(data, TestData.With(_elasticNet, TaskKind.Regression, ("alpha", alpha), ("l1_ratio", l1Ratio), ("tol", 1e-8), ("max_iter", 10_000)), 0);
}
