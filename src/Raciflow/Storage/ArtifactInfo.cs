namespace Raciflow.Storage;

/// <summary>One stored object: its key and size in bytes.</summary>
public sealed record ArtifactInfo(string Key, long Size);
