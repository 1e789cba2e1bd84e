using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void SharesGiveTheTextbookSum() =>
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.173287 + 0.101366 = 0.2746530721670274.
        Assert.Equal(0.2746530721670274, PopulationStabilityIndex.FromShares([0.5, 0.5], [0.25, 0.75]), 12);

    [Fact]
    public void EmptyBinsUseEpsilon() =>
        // Bin 2 is empty in the current data: (1e-4 − 0.5)·ln(1e-4/0.5) + (1 − 0.5)·ln(1/0.5).
        Assert.Equal(((1e-4 - 0.5) * Math.Log(1e-4 / 0.5)) + (0.5 * Math.Log(2)), PopulationStabilityIndex.FromShares([0.5, 0.5], [1, 0]), 12);

    [Fact]
    public void QuantileEdgesFollowNumpyLinearInterpolation() =>
        // numpy.quantile(range(1, 11), [0.25, 0.5, 0.75]) = [3.25, 5.5, 7.75].
        Assert.Equal([3.25, 5.5, 7.75], QuantileBins.Edges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4));

    [Fact]
    public void TiedQuantilesAreMerged() =>
        // Eleven values: the k/10 quantile is exactly the k-th order statistic, 0 for k ≤ 6 and 1 after.
        Assert.Equal([0.0, 1.0], QuantileBins.Edges([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 10));

    [Fact]
    public void NumericPsiBinsTheCurrentDataAtTheReferenceQuantiles()
    {
        // Median of 1..10 is 5.5; 4 of 16 current values lie at or below it → shares (0.5, 0.5) vs (0.25, 0.75).
        double[] current = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
        Assert.Equal(0.2746530721670274, PopulationStabilityIndex.Numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], current, binCount: 2), 12);
    }

    [Fact]
    public void IdenticalSamplesHaveZeroPsi() =>
        Assert.Equal(0, PopulationStabilityIndex.Numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 15);
}
