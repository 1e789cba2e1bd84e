using MathNet.Numerics.LinearAlgebra;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class RidgeRegressionTests
{
    private readonly RidgeRegressionAlgorithm _ridge = new();

    [Fact]
    public void OneFeatureMatchesTheHandComputedShrinkage()
    {
        // x̄ = 2.5, ȳ = 4.5, Sxx = 5, Sxy = 10: w = Sxy/(Sxx + α) = 10/6, b = ȳ − w·x̄ (intercept not shrunk).
        var model = Fit(TestData.Regression(TestData.Column(1, 2, 3, 4), [2, 3, 5, 8]), alpha: 1);

        Assert.Equal(10.0 / 6, model.Coefficients[0], 1e-12);
        Assert.Equal(4.5 - (2.5 * 10 / 6), model.Intercept, 1e-12);
    }

    [Fact]
    public void CoefficientsEqualThePenalisedNormalEquationsOnCentredData()
    {
        var data = TestData.Synthetic(TaskKind.Regression, 40, seed: 8);
        const double alpha = 3.5;

        var model = Fit(data, alpha);

        var x = Matrix<double>.Build.Dense(data.Rows, 4, (i, j) => data.Features[i, j]);
        var means = x.ColumnSums() / data.Rows;
        var centred = Matrix<double>.Build.Dense(data.Rows, 4, (i, j) => x[i, j] - means[j]);
        var yMean = data.Labels.Average();
        var y = Vector<double>.Build.Dense(data.Labels.Select(v => v - yMean).ToArray());
        var expected = (centred.TransposeThisAndMultiply(centred) + (alpha * Matrix<double>.Build.DenseIdentity(4))).Solve(centred.TransposeThisAndMultiply(y));
        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(expected[j], model.Coefficients[j], 1e-9);
        }

        Assert.Equal(yMean - means.DotProduct(expected), model.Intercept, 1e-9);
    }

    [Fact]
    public void ATinyPenaltyApproachesLeastSquares()
    {
        var data = TestData.Regression(TestData.Column(1, 2, 3, 4), [2, 3, 5, 8]);

        var model = Fit(data, alpha: 1e-4);

        Assert.Equal(2.0, model.Coefficients[0], 1e-4);
        Assert.Equal(-0.5, model.Intercept, 1e-3);
    }

    [Fact]
    public void LearnsANoisyLinearProblem()
    {
        var model = Fit(TestData.Synthetic(TaskKind.Regression, 200, seed: 4), alpha: 1);

        Assert.True(TestData.RSquared(model, TestData.Synthetic(TaskKind.Regression, 200, seed: 5)) > 0.99);
    }

    private LinearModel Fit(TrainingData data, double alpha) =>
        (LinearModel)_ridge.Fit(data, TestData.With(_ridge, TaskKind.Regression, ("alpha", alpha)), 0);
}
