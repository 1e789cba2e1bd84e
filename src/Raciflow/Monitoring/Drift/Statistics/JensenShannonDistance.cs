namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// The Jensen–Shannon distance, √(½KL(p‖m) + ½KL(q‖m)) with m = ½(p + q), as scipy.spatial.distance.jensenshannon.
/// Both vectors are normalised to sum to one first. In base 2 it lies in [0, 1].
/// </summary>
public static class JensenShannonDistance
{
    public static double Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double logBase = 2)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("Both distributions must cover the same bins or categories.");
        }

        double sumP = 0, sumQ = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] < 0 || q[i] < 0)
            {
                throw new ArgumentException("Probabilities must not be negative.");
            }

            sumP += p[i];
            sumQ += q[i];
        }

        if (sumP == 0 || sumQ == 0)
        {
            throw new ArgumentException("Each distribution needs some mass.");
        }

        var divergence = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            double pi = p[i] / sumP, qi = q[i] / sumQ, mi = (pi + qi) / 2;
            divergence += RelativeEntropy(pi, mi) + RelativeEntropy(qi, mi);
        }

        // Rounding can leave a hair below zero for identical inputs; the distance is zero then.
        return Math.Sqrt(Math.Max(0, divergence / Math.Log(logBase) / 2));
    }

    /// <summary>x·ln(x/y), with 0·ln(0/y) = 0 (scipy.special.rel_entr).</summary>
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0;
}
