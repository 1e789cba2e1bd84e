using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class JensenShannonDistanceTests
{
    [Fact]
    public void MatchesTheScipyDocumentationExamples()
    {
        // scipy.spatial.distance.jensenshannon documentation:
        // jensenshannon([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], 2.0) = 1.0
        // jensenshannon([1.0, 0.0], [0.5, 0.5]) = 0.46450140402245893 (natural logarithm)
        // jensenshannon([1.0, 0.0, 0.0], [1.0, 0.0, 0.0]) = 0.0
        Assert.Equal(1.0, JensenShannonDistance.Compute([1, 0, 0], [0, 1, 0], 2), 12);
        Assert.Equal(0.46450140402245893, JensenShannonDistance.Compute([1, 0], [0.5, 0.5], Math.E), 12);
        Assert.Equal(0.0, JensenShannonDistance.Compute([1, 0, 0], [1, 0, 0]), 12);
    }

    [Fact]
    public void BaseTwoDividesTheDivergenceByLnTwo() =>
        // 0.46450140402245893 / √(ln 2) = 0.5579230452841438.
        Assert.Equal(0.5579230452841438, JensenShannonDistance.Compute([1, 0], [0.5, 0.5]), 12);

    [Fact]
    public void CountsAreNormalisedFirst() =>
        Assert.Equal(JensenShannonDistance.Compute([0.2, 0.8], [0.5, 0.5]), JensenShannonDistance.Compute([20, 80], [3, 3]), 12);
}
