namespace Raciflow.Server.Tracking;

/// <summary>Body of POST /api/v1/runs. The client reports its own lineage (git, command line, packages): the server's would be wrong.</summary>
public sealed record CreateRunRequest
{
    public string? Experiment { get; init; }

    public string? Name { get; init; }

    public string? ParentRunId { get; init; }

    public long? DatasetVersionId { get; init; }

    public long? SplitId { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? CommandLine { get; init; }

    public Dictionary<string, string>? PackageVersions { get; init; }
}
