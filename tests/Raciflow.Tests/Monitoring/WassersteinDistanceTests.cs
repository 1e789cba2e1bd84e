using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class WassersteinDistanceTests
{
    [Fact]
    public void MatchesTheScipyDocumentationExample() =>
        // scipy.stats.wasserstein_distance documentation: wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5.0.
        Assert.Equal(5.0, WassersteinDistance.Compute([0, 1, 3], [5, 6, 8]), 12);

    [Fact]
    public void UnequalSizesIntegrateTheCdfGap()
    {
        // F₁ steps at 0 and 2 (½ each), F₂ at 1 (all mass): |F₁ − F₂| = ½ on [0,1) and ½ on [1,2): area 1.
        Assert.Equal(1.0, WassersteinDistance.Compute([0, 2], [1]), 12);
        Assert.Equal(0.0, WassersteinDistance.Compute([1, 2, 3], [1, 2, 3]), 12);
    }

    [Fact]
    public void NormalisedDistanceDividesByTheReferencePopulationStandardDeviation()
    {
        // std([0, 1, 3]) = √(14/9) = 1.247219…; 5 / 1.247219 = 4.008918628686366.
        Assert.Equal(5 / Math.Sqrt(14.0 / 9.0), WassersteinDistance.Normalized([0, 1, 3], [5, 6, 8]), 12);
        Assert.Equal(4.008918628686366, WassersteinDistance.Normalized([0, 1, 3], [5, 6, 8]), 12);
    }

    [Fact]
    public void AConstantReferenceUsesTheMinimumScale() =>
        Assert.Equal(1.0 / WassersteinDistance.MinimumScale, WassersteinDistance.Normalized([2, 2, 2], [3, 3]), 9);
}
