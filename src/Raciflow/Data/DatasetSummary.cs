namespace Raciflow.Data;

/// <summary>A dataset with its newest version and how many versions it has.</summary>
public sealed record DatasetSummary(Dataset Dataset, DatasetVersion? Latest, int VersionCount);
