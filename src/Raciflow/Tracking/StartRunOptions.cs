namespace Raciflow.Tracking;

/// <summary>
/// How to start a run. Lineage the caller knows (dataset version, split) is given here; the rest (git commit,
/// raciflow.yaml hash, package versions, command line) is captured from this process when
/// <see cref="CaptureEnvironment"/> is true, or taken from the fields below when a remote client started the run.
/// </summary>
public sealed record StartRunOptions
{
    /// <summary>The experiment's name; it is created on first use.</summary>
    public required string Experiment { get; init; }

    /// <summary>A name for people; default: "run-" and the first 8 characters of the id.</summary>
    public string? Name { get; init; }

    public string? ParentRunId { get; init; }

    public long? DatasetVersionId { get; init; }

    public long? SplitId { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Who starts the run; default: the workspace's actor. A front door that authenticates callers passes the caller.</summary>
    public string? User { get; init; }

    /// <summary>Capture git, command line and package versions from this process (false for runs started over HTTP).</summary>
    public bool CaptureEnvironment { get; init; } = true;

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? CommandLine { get; init; }

    public IReadOnlyDictionary<string, string>? PackageVersions { get; init; }
}
