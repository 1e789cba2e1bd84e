namespace Raciflow.Tracking;

/// <summary>A stored artifact of a run.</summary>
public sealed record ArtifactEntry(string Path, long Size, string Sha256, DateTime CreatedAt);
