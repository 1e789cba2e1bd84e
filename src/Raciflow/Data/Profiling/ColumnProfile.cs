namespace Raciflow.Data.Profiling;

/// <summary>
/// Descriptive statistics of one column, computed from the loaded frame. Numeric fields are null where they do
/// not apply (e.g. a mean of categories); dates keep their range as text in <see cref="MinText"/>/<see cref="MaxText"/>.
/// </summary>
public sealed record ColumnProfile
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    public int Count { get; init; }

    public int Missing { get; init; }

    public int Distinct { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Mean { get; init; }

    /// <summary>Sample standard deviation (n − 1).</summary>
    public double? StdDev { get; init; }

    public Quartiles? Quartiles { get; init; }

    public int? Zeros { get; init; }

    /// <summary>Values beyond 1.5 × IQR from the quartiles.</summary>
    public int? Outliers { get; init; }

    public string? MinText { get; init; }

    public string? MaxText { get; init; }

    /// <summary>Most frequent values with counts, most frequent first (at most 20).</summary>
    public IReadOnlyList<ValueCount> TopValues { get; init; } = [];

    public double MissingFraction => Count == 0 ? 0 : (double)Missing / Count;
}
