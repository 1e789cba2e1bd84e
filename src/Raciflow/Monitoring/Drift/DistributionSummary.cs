namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Reference and current shares over common bins or categories, kept in the report so it can be drawn without the data.
/// For a histogram <see cref="BinEdges"/> holds Labels.Count + 1 ascending edges; for categories it is empty.
/// </summary>
public sealed record DistributionSummary(
    DistributionKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<double> ReferenceShares,
    IReadOnlyList<double> CurrentShares);
