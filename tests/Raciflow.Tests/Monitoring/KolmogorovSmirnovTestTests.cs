using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class KolmogorovSmirnovTestTests
{
    [Theory]
    // scipy.special.kolmogorov documentation example: kolmogorov([0, 0.5, 1.0]) = [1.0, 0.96394524, 0.26999967];
    // Q(2) from the alternating series by hand: 2(e^-8 − e^-32 + …) = 6.70925256e-4.
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.9639452436648751)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(2.0, 6.709252557796953e-4)]
    public void KolmogorovSurvivalMatchesTheTabulatedDistribution(double lambda, double expected) =>
        Assert.Equal(expected, KolmogorovSmirnovTest.KolmogorovSurvival(lambda), 1e-12);

    [Fact]
    public void BothSeriesAgreeWhereTheySwitch() =>
        Assert.Equal(KolmogorovSmirnovTest.KolmogorovSurvival(1.18 - 1e-9), KolmogorovSmirnovTest.KolmogorovSurvival(1.18), 1e-8);

    [Fact]
    public void DisjointSamplesHaveStatisticOneAndTheCorrectedAsymptoticPValue()
    {
        // D = 1; nₑ = 25/10 = 2.5; λ = (√2.5 + 0.12 + 0.11/√2.5)·1 = 1.770692; Q(λ) = 2e^(−2λ²) − … = 0.0037813540593701 by hand.
        var result = KolmogorovSmirnovTest.Test([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
        Assert.Equal(1.0, result.Statistic, 15);
        Assert.Equal(0.0037813540593701006, result.PValue, 1e-12);
    }

    [Fact]
    public void OverlappingSamplesTakeTheLargestCdfGap()
    {
        // F₁ − F₂ after each value: 1 → .2, 2 → .4, 3 → .6−1/6, 4 → .8−2/6, 5 → 1−3/6 = .5 (the largest).
        // nₑ = 30/11; λ = (√nₑ + 0.12 + 0.11/√nₑ)·0.5; Q(λ) = 0.3670013850902252.
        var result = KolmogorovSmirnovTest.Test([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
        Assert.Equal(0.5, result.Statistic, 15);
        Assert.Equal(0.3670013850902252, result.PValue, 1e-12);
    }

    [Fact]
    public void TiesAreCountedTogether()
    {
        // Identical samples with ties: the CDFs coincide at every distinct value, so D = 0 and p = 1.
        var result = KolmogorovSmirnovTest.Test([1, 1, 2, 2, 3], [1, 1, 2, 2, 3]);
        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }
}
