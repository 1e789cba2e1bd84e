using MathNet.Numerics;
using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class ChiSquareTestTests
{
    [Fact]
    public void MatchesTheScipyChi2ContingencyDocumentationExample()
    {
        // scipy.stats.chi2_contingency documentation: obs = [[10, 10, 20], [20, 20, 20]] →
        // statistic 2.7777777777777777, pvalue 0.24935220877729619, dof 2.
        var result = ChiSquareTest.Test([10, 10, 20], [20, 20, 20]);
        Assert.Equal(2.7777777777777777, result.Statistic, 12);
        Assert.Equal(0.24935220877729619, result.PValue, 12);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void TwoByTwoTablesUseYatesCorrectionAsScipyDoesByDefault()
    {
        // Expected 15 in every cell, |O − E| = 5 → 4.5 after Yates: 4·4.5²/15 = 5.4 (6.666… without correction).
        var corrected = ChiSquareTest.Test([10, 20], [20, 10]);
        Assert.Equal(5.4, corrected.Statistic, 12);
        Assert.Equal(1, corrected.DegreesOfFreedom);

        // With one degree of freedom P(χ² > x) = erfc(√(x/2)).
        Assert.Equal(SpecialFunctions.Erfc(Math.Sqrt(5.4 / 2)), corrected.PValue, 12);
        Assert.Equal(20.0 / 3.0, ChiSquareTest.Test([10, 20], [20, 10], yatesCorrection: false).Statistic, 12);
    }

    [Fact]
    public void CategoriesEmptyOnBothSidesDoNotAddDegreesOfFreedom()
    {
        var result = ChiSquareTest.Test([10, 0, 10, 20], [20, 0, 20, 20]);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(2.7777777777777777, result.Statistic, 12);
    }
}
