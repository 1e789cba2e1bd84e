using MathNet.Numerics;

namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// The two-sided two-proportion z-test with pooled variance, Evidently's test for binary columns:
/// z = (p₁ − p₂)/√(p(1 − p)(1/n₁ + 1/n₂)) with p the pooled share, p-value = 2·(1 − Φ(|z|)) = erfc(|z|/√2).
/// </summary>
public static class TwoProportionZTest
{
    /// <summary>Tests <paramref name="referenceHits"/> of <paramref name="referenceTotal"/> against <paramref name="currentHits"/> of <paramref name="currentTotal"/>.</summary>
    public static TestResult Test(long referenceHits, long referenceTotal, long currentHits, long currentTotal)
    {
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("The z-test needs at least one observation in each sample.");
        }

        if (referenceHits < 0 || referenceHits > referenceTotal || currentHits < 0 || currentHits > currentTotal)
        {
            throw new ArgumentException("Hits must lie between zero and the sample size.");
        }

        double p1 = (double)referenceHits / referenceTotal, p2 = (double)currentHits / currentTotal;
        var pooled = (double)(referenceHits + currentHits) / (referenceTotal + currentTotal);
        var variance = pooled * (1 - pooled) * ((1.0 / referenceTotal) + (1.0 / currentTotal));
        if (variance == 0)
        {
            // Both samples hold a single, identical value: no difference to detect.
            return new TestResult(0, 1);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        return new TestResult(z, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }
}
