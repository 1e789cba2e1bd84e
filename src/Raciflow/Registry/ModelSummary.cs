namespace Raciflow.Registry;

/// <summary>A registered model as lists show it: its latest version and where its aliases point.</summary>
public sealed record ModelSummary(
    string Name,
    string? Description,
    int LatestVersion,
    int VersionCount,
    IReadOnlyDictionary<string, int> Aliases,
    DateTime CreatedAt,
    string CreatedBy);
