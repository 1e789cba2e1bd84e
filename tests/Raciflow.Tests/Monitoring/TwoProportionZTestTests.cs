using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class TwoProportionZTestTests
{
    [Fact]
    public void PooledZAndTwoSidedPValueMatchTheHandComputation()
    {
        // 45/100 vs 60/100: pooled p = 0.525, se = √(0.525·0.475·0.02) = 0.0706222; z = −0.15/se = −2.1239769762143657;
        // p = 2(1 − Φ(2.12398)) = 0.033672068856345876 (statsmodels proportions_ztest([45, 60], [100, 100]) gives the same).
        var result = TwoProportionZTest.Test(45, 100, 60, 100);
        Assert.Equal(-2.1239769762143657, result.Statistic, 12);
        Assert.Equal(0.033672068856345876, result.PValue, 12);
    }

    [Fact]
    public void EqualProportionsGiveZeroAndPValueOne()
    {
        var result = TwoProportionZTest.Test(30, 100, 60, 200);
        Assert.Equal(0, result.Statistic, 12);
        Assert.Equal(1, result.PValue, 12);
        Assert.Equal(1, TwoProportionZTest.Test(10, 10, 5, 5).PValue);
    }
}
