namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two empirical distributions, ∫|F₁(x) − F₂(x)|dx, as
/// scipy.stats.wasserstein_distance without weights.
/// </summary>
public static class WassersteinDistance
{
    /// <summary>Evidently's floor on the reference spread, so a constant reference does not divide by zero.</summary>
    public const double MinimumScale = 0.001;

    /// <summary>The distance between two ascending, NaN-free samples.</summary>
    public static double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            throw new ArgumentException("The Wasserstein distance needs at least one value in each sample.");
        }

        double n = a.Length, m = b.Length, area = 0;
        int i = 0, j = 0;
        var previous = Math.Min(a[0], b[0]);

        // Walk the merged order statistics; between two consecutive points both CDFs are constant.
        while (i < a.Length || j < b.Length)
        {
            var fromA = j >= b.Length || (i < a.Length && a[i] <= b[j]);
            var x = fromA ? a[i] : b[j];
            area += Math.Abs((i / n) - (j / m)) * (x - previous);
            previous = x;
            if (fromA)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return area;
    }

    /// <summary>
    /// The distance divided by the reference's population standard deviation (at least <see cref="MinimumScale"/>),
    /// Evidently's <c>wasserstein</c> drift score: 0.1 means the mass moved by a tenth of a standard deviation.
    /// </summary>
    public static double Normalized(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        var scale = Math.Max(SortedSample.PopulationStandardDeviation(sortedReference), MinimumScale);
        return Compute(sortedReference, sortedCurrent) / scale;
    }
}
