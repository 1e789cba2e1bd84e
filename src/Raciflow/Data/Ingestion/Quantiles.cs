namespace Raciflow.Data.Ingestion;

/// <summary>Quantiles by linear interpolation between order statistics (Hyndman-Fan type 7, as NumPy and R default).</summary>
internal static class Quantiles
{
    public static double? Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
