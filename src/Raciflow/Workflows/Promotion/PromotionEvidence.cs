using Raciflow.Projects;

namespace Raciflow.Workflows.Promotion;

/// <summary>
/// What the Accountable sees before deciding a promotion: the KPI checks on the candidate's test rows, its metrics
/// beside the current holder of the alias, how its inputs differ, and the validation of the data it trained on.
/// </summary>
public sealed record PromotionEvidence
{
    public required string Candidate { get; init; }

    public string? Current { get; init; }

    public required string Algorithm { get; init; }

    public string? CurrentAlgorithm { get; init; }

    public string? Dataset { get; init; }

    public string? CurrentDataset { get; init; }

    public required IReadOnlyList<KpiCheck> Kpis { get; init; }

    public bool KpisPassed => Kpis.All(k => k.Passed);

    public required IReadOnlyList<MetricComparison> Metrics { get; init; }

    /// <summary>Inputs added, removed or retyped against the current version, one line each.</summary>
    public required IReadOnlyList<string> SignatureChanges { get; init; }

    /// <summary>The latest validation of the training dataset version, e.g. "passed (0 failures, 2 warnings)".</summary>
    public string? DataValidation { get; init; }

    /// <summary>Extra facts from the caller, e.g. a champion/challenger comparison on fresh rows.</summary>
    public IReadOnlyDictionary<string, string>? Notes { get; init; }
}
