namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// Bins cut at the reference's quantiles (type 7) at 1/k, 2/k … (k−1)/k, with ties merged, so each bin holds about
/// the same share of the reference. Bin i holds values in (edgeᵢ₋₁, edgeᵢ]; the outer bins are open-ended, so
/// current values outside the reference range still land in a bin.
/// </summary>
public static class QuantileBins
{
    /// <summary>The inner edges, strictly ascending; fewer than k − 1 when the reference has ties.</summary>
    public static double[] Edges(ReadOnlySpan<double> sortedReference, int binCount)
    {
        if (binCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "At least two bins are needed.");
        }

        var edges = new List<double>(binCount - 1);
        for (var k = 1; k < binCount; k++)
        {
            var q = SortedSample.Quantile(sortedReference, (double)k / binCount);
            if (edges.Count == 0 || q > edges[^1])
            {
                edges.Add(q);
            }
        }

        return [.. edges];
    }

    /// <summary>The share of a sorted sample in each of the edges.Length + 1 bins.</summary>
    public static double[] Shares(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        var shares = new double[edges.Length + 1];
        var below = 0;
        for (var k = 0; k < edges.Length; k++)
        {
            var atMost = SortedSample.CountAtMost(sorted, edges[k]);
            shares[k] = (double)(atMost - below) / sorted.Length;
            below = atMost;
        }

        shares[^1] = (double)(sorted.Length - below) / sorted.Length;
        return shares;
    }
}
