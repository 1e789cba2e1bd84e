namespace Raciflow.Tracking;

/// <summary>
/// One training attempt: who started it, when, how it ended, what it used (lineage) and what it cost
/// (CPU seconds, peak memory). Params, metrics, tags and artifacts hang off it.
/// </summary>
public sealed class Run
{
    /// <summary>32 lower-case hex characters, like MLflow's run ids, so ids are unique without a database round trip.</summary>
    public required string Id { get; set; }

    public long ExperimentId { get; set; }

    public Experiment? Experiment { get; set; }

    /// <summary>The enclosing run for nested runs, e.g. a tuning trial inside its study.</summary>
    public string? ParentRunId { get; set; }

    public required string Name { get; set; }

    public RunStatus Status { get; set; }

    public string? ErrorMessage { get; set; }

    public required string StartedBy { get; set; }

    public DateTime StartTime { get; set; }

    public DateTime? EndTime { get; set; }

    public double? CpuSeconds { get; set; }

    public long? PeakMemoryBytes { get; set; }

    public long? DatasetVersionId { get; set; }

    public long? SplitId { get; set; }

    public string? GitCommit { get; set; }

    /// <summary>True when the working tree had uncommitted changes, so <see cref="GitCommit"/> alone cannot reproduce the run.</summary>
    public bool? GitDirty { get; set; }

    /// <summary>Lower-case hex SHA-256 of raciflow.yaml as it was when the run started.</summary>
    public string? ProjectFileSha256 { get; set; }

    /// <summary>Assembly name → version of Raciflow, ML.NET, EF Core and the runtime that ran the code.</summary>
    public Dictionary<string, string> PackageVersions { get; set; } = [];

    public string? CommandLine { get; set; }

    public List<RunParam> Params { get; set; } = [];

    public List<RunLatestMetric> LatestMetrics { get; set; } = [];

    public List<RunTag> Tags { get; set; } = [];

    public List<RunArtifact> Artifacts { get; set; } = [];
}
