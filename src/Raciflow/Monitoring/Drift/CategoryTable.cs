using System.Runtime.InteropServices;
using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Monitoring.Drift;

/// <summary>Reference and current counts over the union of categories (or distinct values, or bins).</summary>
internal sealed record CategoryTable(string[] Labels, long[] Reference, long[] Current)
{
    public int Count => Labels.Length;

    /// <summary>Counts the non-missing values of two string columns, categories in ordinal order.</summary>
    public static CategoryTable FromStrings(string?[] reference, string?[] current)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var refCounts = new List<long>();
        var curCounts = new List<long>();
        Tally(reference, index, refCounts, curCounts);
        Tally(current, index, curCounts, refCounts);

        var labels = index.Keys.ToArray();
        Array.Sort(labels, StringComparer.Ordinal);
        var r = new long[labels.Length];
        var c = new long[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            var i = index[labels[k]];
            r[k] = refCounts[i];
            c[k] = curCounts[i];
        }

        return new CategoryTable(labels, r, c);
    }

    /// <summary>One category per distinct value of two sorted numeric samples.</summary>
    public static CategoryTable FromDistinctValues(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, Func<double, string> label)
    {
        var labels = new List<string>();
        var r = new List<long>();
        var c = new List<long>();
        int i = 0, j = 0;
        while (i < reference.Length || j < current.Length)
        {
            var value = j >= current.Length || (i < reference.Length && reference[i] <= current[j]) ? reference[i] : current[j];
            var ri = SortedSample.CountAtMost(reference[i..], value);
            var cj = SortedSample.CountAtMost(current[j..], value);
            labels.Add(label(value));
            r.Add(ri);
            c.Add(cj);
            i += ri;
            j += cj;
        }

        return new CategoryTable([.. labels], [.. r], [.. c]);
    }

    /// <summary>Counts per reference-quantile bin (see <see cref="QuantileBins"/>).</summary>
    public static CategoryTable FromQuantileBins(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int binCount, Func<double, string> label)
    {
        var edges = QuantileBins.Edges(reference, binCount);
        var labels = new string[edges.Length + 1];
        for (var k = 0; k < labels.Length; k++)
        {
            labels[k] = k == 0 ? $"≤ {label(edges[0])}"
                : k == edges.Length ? $"> {label(edges[^1])}"
                : $"({label(edges[k - 1])}, {label(edges[k])}]";
        }

        return new CategoryTable(labels, BinCounts(reference, edges), BinCounts(current, edges));
    }

    public double[] ReferenceShares() => Shares.Of(Reference);

    public double[] CurrentShares() => Shares.Of(Current);

    /// <summary>The largest categories by total count, the rest summed as "(other)", for drawing.</summary>
    public DistributionSummary ToSummary(int maxCategories)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (Count > maxCategories)
        {
            order = [.. order.OrderByDescending(k => Reference[k] + Current[k]).ThenBy(k => k).Take(maxCategories - 1).Order()];
        }

        var labels = order.Select(k => Labels[k]).ToList();
        var r = order.Select(k => Reference[k]).ToList();
        var c = order.Select(k => Current[k]).ToList();
        if (order.Length < Count)
        {
            labels.Add("(other)");
            r.Add(Reference.Sum() - r.Sum());
            c.Add(Current.Sum() - c.Sum());
        }

        return new DistributionSummary(DistributionKind.Categories, labels, [], Shares.Of(CollectionsMarshal.AsSpan(r)), Shares.Of(CollectionsMarshal.AsSpan(c)));
    }

    private static void Tally(string?[] values, Dictionary<string, int> index, List<long> counts, List<long> others)
    {
        foreach (var v in values)
        {
            if (v is null)
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, v, out var exists);
            if (!exists)
            {
                slot = counts.Count;
                counts.Add(0);
                others.Add(0);
            }

            CollectionsMarshal.AsSpan(counts)[slot]++;
        }
    }

    private static long[] BinCounts(ReadOnlySpan<double> sorted, double[] edges)
    {
        var counts = new long[edges.Length + 1];
        var below = 0;
        for (var k = 0; k < edges.Length; k++)
        {
            var atMost = SortedSample.CountAtMost(sorted, edges[k]);
            counts[k] = atMost - below;
            below = atMost;
        }

        counts[^1] = sorted.Length - below;
        return counts;
    }
}
