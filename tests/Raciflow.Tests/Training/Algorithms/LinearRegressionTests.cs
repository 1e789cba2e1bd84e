using MathNet.Numerics.LinearAlgebra;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class LinearRegressionTests
{
    private readonly LinearRegressionAlgorithm _linear = new();

    [Fact]
    public void CoefficientsEqualTheNormalEquationsOnAFullRankDesign()
    {
        var data = TestData.Synthetic(TaskKind.Regression, 50, seed: 21);

        var model = Fit(data);

        // (AᵀA)⁻¹Aᵀy with A = [1 | X], solved independently of the QR/SVD route the algorithm takes.
        var a = Matrix<double>.Build.Dense(data.Rows, 5, (i, j) => j == 0 ? 1 : data.Features[i, j - 1]);
        var expected = (a.TransposeThisAndMultiply(a)).Inverse() * a.TransposeThisAndMultiply(Vector<double>.Build.Dense(data.Labels));
        Assert.Equal(expected[0], model.Intercept, 1e-6);
        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(expected[j + 1], model.Coefficients[j], 1e-6);
        }
    }

    [Fact]
    public void AnscombesFirstDataSetGivesTheTextbookLine()
    {
        // Anscombe (1973), data set I: y = 3.0001 + 0.5001x (exactly 3.000090909… and 0.500090909…).
        var x = TestData.Column(10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5);
        double[] y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

        var model = Fit(TestData.Regression(x, y));

        Assert.Equal(0.5000909090909091, model.Coefficients[0], 1e-10);
        Assert.Equal(3.000090909090909, model.Intercept, 1e-10);
    }

    [Fact]
    public void DuplicatedColumnsShareTheirWeightAsTheMinimumNormSolution()
    {
        var x = TestData.Matrix(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } });

        var model = Fit(TestData.Regression(x, [3, 5, 7, 9]));

        Assert.Equal(1.0, model.Coefficients[0], 1e-9);
        Assert.Equal(1.0, model.Coefficients[1], 1e-9);
        Assert.Equal(1.0, model.Intercept, 1e-9);
    }

    [Fact]
    public void OneHotColumnsThatSumToOneGetCoefficientsSummingToZero()
    {
        // Three categories with means 1, 5 and 9: the minimum-norm solution puts the grand mean in the intercept.
        var x = TestData.Matrix(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });

        var model = Fit(TestData.Regression(x, [0, 4, 8, 2, 6, 10]));

        Assert.Equal(-4.0, model.Coefficients[0], 1e-9);
        Assert.Equal(0.0, model.Coefficients[1], 1e-9);
        Assert.Equal(4.0, model.Coefficients[2], 1e-9);
        Assert.Equal(5.0, model.Intercept, 1e-9);
    }

    [Fact]
    public void AWideDesignInterpolatesItsRows()
    {
        var x = TestData.Matrix(new double[,] { { 1, 0, 2, 5, 1 }, { 0, 3, 1, 1, 2 }, { 4, 1, 0, 2, 2 } });
        double[] y = [1, -2, 7];

        var model = Fit(TestData.Regression(x, y));

        Assert.Equal(y, TestData.PredictBatch(model, x), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void WholeNumberWeightsEqualRepeatedRows()
    {
        var x = TestData.Column(1, 2, 3, 4);
        var weighted = Fit(TestData.Regression(x, [1, 3, 2, 5], [1, 3, 1, 2]));
        var repeated = Fit(TestData.Regression(TestData.Column(1, 2, 2, 2, 3, 4, 4), [1, 3, 3, 3, 2, 5, 5]));

        Assert.Equal(repeated.Coefficients[0], weighted.Coefficients[0], 1e-10);
        Assert.Equal(repeated.Intercept, weighted.Intercept, 1e-10);
    }

    [Fact]
    public void LearnsANoisyLinearProblem()
    {
        var model = Fit(TestData.Synthetic(TaskKind.Regression, 200, seed: 4));

        Assert.True(TestData.RSquared(model, TestData.Synthetic(TaskKind.Regression, 200, seed: 5)) > 0.99);
    }

    private LinearModel Fit(TrainingData data) => (LinearModel)_linear.Fit(data, TestData.Defaults(_linear, TaskKind.Regression), 0);
}
