namespace Raciflow.Tracking;

/// <summary>Everything about one run: its summary plus metric steps, artifacts and lineage.</summary>
public sealed record RunDetails
{
    public required RunSummary Run { get; init; }

    public required IReadOnlyList<LatestMetric> LatestMetrics { get; init; }

    public required IReadOnlyList<ArtifactEntry> Artifacts { get; init; }

    public required RunLineage Lineage { get; init; }
}
