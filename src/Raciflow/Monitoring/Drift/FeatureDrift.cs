using Raciflow.Data;

namespace Raciflow.Monitoring.Drift;

/// <summary>The drift verdict on one column: the test that decided it, its figures, PSI beside it, and the missing-value rates.</summary>
public sealed class FeatureDrift
{
    public required string Column { get; init; }

    public required ColumnType Type { get; init; }

    public required FeatureKind Kind { get; init; }

    public required DriftTest Test { get; init; }

    /// <summary>The test statistic: D for KS, χ² for chi-square, z for the z-test, or the distance / PSI itself.</summary>
    public required double Statistic { get; init; }

    /// <summary>The p-value of a hypothesis test; null for distances and PSI.</summary>
    public double? PValue { get; init; }

    /// <summary>Degrees of freedom of the chi-square test.</summary>
    public int? DegreesOfFreedom { get; init; }

    public required double Threshold { get; init; }

    /// <summary>Population Stability Index, always computed beside the deciding test.</summary>
    public required double Psi { get; init; }

    public required bool Drifted { get; init; }

    /// <summary>The value compared with the threshold: the p-value or the distance.</summary>
    public double Score => PValue ?? Statistic;

    public required int ReferenceCount { get; init; }

    public required int CurrentCount { get; init; }

    public required double ReferenceMissingRate { get; init; }

    public required double CurrentMissingRate { get; init; }

    /// <summary>True for the model's output column, which is reported apart and does not count towards dataset drift.</summary>
    public bool IsPrediction { get; init; }

    public required DistributionSummary Distribution { get; init; }

    /// <summary>Why the test could not run normally, e.g. a side with no values; null otherwise.</summary>
    public string? Note { get; init; }
}
