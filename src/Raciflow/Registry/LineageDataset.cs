namespace Raciflow.Registry;

/// <summary>A dataset version as lineage shows it, down to the hash of the file it was made from.</summary>
public sealed record LineageDataset(long Id, string Label, string SourceSha256, string SourceName, string SourceFormat, long Rows, string? ParentLabel);
