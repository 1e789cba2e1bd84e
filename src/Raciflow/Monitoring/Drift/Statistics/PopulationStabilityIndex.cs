namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// The Population Stability Index, Σ (cᵢ − rᵢ)·ln(cᵢ/rᵢ) over bins (numeric) or categories, where rᵢ and cᵢ are the
/// reference and current shares. An empty bin's share is replaced by <see cref="DefaultEpsilon"/> (Evidently's
/// convention) so the logarithm stays finite. Usual reading: &lt; 0.1 stable, 0.1–0.2 moderate shift, &gt; 0.2 major shift.
/// </summary>
public static class PopulationStabilityIndex
{
    public const double DefaultEpsilon = 1e-4;

    public const int DefaultBins = 10;

    /// <summary>PSI of two share vectors of equal length.</summary>
    public static double FromShares(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double epsilon = DefaultEpsilon)
    {
        if (reference.Length != current.Length)
        {
            throw new ArgumentException("Reference and current shares must cover the same bins.");
        }

        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var r = reference[i] > 0 ? reference[i] : epsilon;
            var c = current[i] > 0 ? current[i] : epsilon;
            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }

    /// <summary>PSI of two numeric samples (ascending, NaN-free) over <paramref name="binCount"/> reference-quantile bins.</summary>
    public static double Numeric(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent, int binCount = DefaultBins, double epsilon = DefaultEpsilon)
    {
        var edges = QuantileBins.Edges(sortedReference, binCount);
        return FromShares(QuantileBins.Shares(sortedReference, edges), QuantileBins.Shares(sortedCurrent, edges), epsilon);
    }

    /// <summary>PSI of two count vectors over the same categories.</summary>
    public static double FromCounts(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, double epsilon = DefaultEpsilon) =>
        FromShares(Shares.Of(reference), Shares.Of(current), epsilon);
}
