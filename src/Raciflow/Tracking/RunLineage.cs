namespace Raciflow.Tracking;

/// <summary>What a run used and what it cost: enough to reproduce it and to explain its numbers.</summary>
public sealed record RunLineage
{
    public long? DatasetVersionId { get; init; }

    public long? SplitId { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? ProjectFileSha256 { get; init; }

    public required IReadOnlyDictionary<string, string> PackageVersions { get; init; }

    public string? CommandLine { get; init; }

    public double? CpuSeconds { get; init; }

    public long? PeakMemoryBytes { get; init; }
}
