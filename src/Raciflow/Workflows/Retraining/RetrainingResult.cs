using Raciflow.Projects;

namespace Raciflow.Workflows.Retraining;

/// <summary>
/// A retraining's outcome: the run that trained the challenger, both versions' scores on the same fresh holdout,
/// the margin on the primary metric (positive: the challenger is better), the KPI checks, and what became of the
/// challenger (an approval request, or an auto-promotion).
/// </summary>
public sealed record RetrainingResult
{
    public required string Model { get; init; }

    public required string Trigger { get; init; }

    public required string RunId { get; init; }

    /// <summary>The dataset version the challenger trained on.</summary>
    public required string Dataset { get; init; }

    /// <summary>Labelled feedback rows added to the champion's data for this retraining (retraining.include_feedback).</summary>
    public int FeedbackRows { get; init; }

    public required string Champion { get; init; }

    public required string Challenger { get; init; }

    public required int ChallengerVersion { get; init; }

    /// <summary>Which rows both were scored on, and how many.</summary>
    public required string Holdout { get; init; }

    public required string PrimaryMetric { get; init; }

    public required IReadOnlyDictionary<string, double> ChampionScores { get; init; }

    public required IReadOnlyDictionary<string, double> ChallengerScores { get; init; }

    /// <summary>Challenger minus champion on the primary metric, turned so that positive means better.</summary>
    public required double Margin { get; init; }

    public required IReadOnlyList<KpiCheck> Kpis { get; init; }

    public long? ApprovalId { get; init; }

    public bool AutoPromoted { get; init; }
}
