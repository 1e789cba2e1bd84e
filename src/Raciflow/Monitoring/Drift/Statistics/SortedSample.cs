namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// Order statistics on an ascending, NaN-free sample. Every drift statistic on a numeric column works on the
/// sorted sample, so a column is sorted once and these helpers answer by binary search.
/// </summary>
public static class SortedSample
{
    /// <summary>
    /// The <paramref name="probability"/> quantile with linear interpolation between order statistics
    /// (Hyndman–Fan type 7, the default of numpy.quantile and R).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The quantile of an empty sample is undefined.", nameof(sorted));
        }

        var h = (sorted.Length - 1) * probability;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>How many values are less than or equal to <paramref name="value"/> (the upper bound).</summary>
    public static int CountAtMost(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The population standard deviation (divisor n, as numpy.std), computed in two passes for accuracy.</summary>
    public static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / values.Length);
    }

    /// <summary>
    /// How many distinct values two sorted samples hold together, counting no further than <paramref name="limit"/>
    /// + 1 so that the usual question ("more than 5?") stops after a few elements.
    /// </summary>
    public static int CountDistinctUnion(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int limit)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distinct++;
            if (distinct > limit)
            {
                return distinct;
            }

            i += CountAtMost(a[i..], next);
            j += CountAtMost(b[j..], next);
        }

        return distinct;
    }
}
