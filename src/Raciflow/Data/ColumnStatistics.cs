namespace Raciflow.Data;

/// <summary>
/// Per-column statistics computed while ingesting. Quantiles come from a bounded uniform sample, so they are
/// exact for small data and close estimates for large data; counts are always exact.
/// </summary>
public sealed record ColumnStatistics
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    public long Count { get; init; }

    public long Missing { get; init; }

    /// <summary>Distinct non-missing values, exact up to <see cref="DistinctCapped"/>.</summary>
    public long Distinct { get; init; }

    public bool DistinctCapped { get; init; }

    /// <summary>Values present but not parseable as <see cref="Type"/> (e.g. "abc" in a numeric column).</summary>
    public long Invalid { get; init; }

    /// <summary>Up to a few (line, value) examples of invalid values, for the validation report.</summary>
    public IReadOnlyList<InvalidValue> InvalidExamples { get; init; } = [];

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Mean { get; init; }

    public double? StdDev { get; init; }

    /// <summary>Earliest value of a date-time column.</summary>
    public DateTime? MinDate { get; init; }

    /// <summary>Latest value of a date-time column.</summary>
    public DateTime? MaxDate { get; init; }

    public double? Q1 { get; init; }

    public double? Median { get; init; }

    public double? Q3 { get; init; }

    /// <summary>Most frequent values (categorical, boolean, text) with their counts, most frequent first.</summary>
    public IReadOnlyList<ValueCount> TopValues { get; init; } = [];

    public double MissingFraction => Count == 0 ? 0 : (double)Missing / Count;
}
