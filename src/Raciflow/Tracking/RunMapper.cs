namespace Raciflow.Tracking;

/// <summary>Turns loaded entities into the records front doors show.</summary>
internal static class RunMapper
{
    public static RunSummary ToSummary(Run r) => new()
    {
        Id = r.Id,
        Experiment = r.Experiment?.Name ?? "",
        Name = r.Name,
        ParentRunId = r.ParentRunId,
        Status = r.Status,
        ErrorMessage = r.ErrorMessage,
        StartedBy = r.StartedBy,
        StartTime = r.StartTime,
        EndTime = r.EndTime,
        Params = new SortedDictionary<string, string>(r.Params.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
        Metrics = new SortedDictionary<string, double>(r.LatestMetrics.ToDictionary(m => m.Key, m => m.Value), StringComparer.Ordinal),
        Tags = new SortedDictionary<string, string>(r.Tags.ToDictionary(t => t.Key, t => t.Value), StringComparer.Ordinal),
    };

    public static RunDetails ToDetails(Run r) => new()
    {
        Run = ToSummary(r),
        LatestMetrics = r.LatestMetrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new LatestMetric(m.Key, m.Value, m.Step, m.Timestamp)).ToList(),
        Artifacts = r.Artifacts.OrderBy(a => a.Path, StringComparer.Ordinal).Select(ToEntry).ToList(),
        Lineage = new RunLineage
        {
            DatasetVersionId = r.DatasetVersionId,
            SplitId = r.SplitId,
            GitCommit = r.GitCommit,
            GitDirty = r.GitDirty,
            ProjectFileSha256 = r.ProjectFileSha256,
            PackageVersions = new SortedDictionary<string, string>(r.PackageVersions, StringComparer.Ordinal),
            CommandLine = r.CommandLine,
            CpuSeconds = r.CpuSeconds,
            PeakMemoryBytes = r.PeakMemoryBytes,
        },
    };

    public static ArtifactEntry ToEntry(RunArtifact a) => new(a.Path, a.Size, a.Sha256, a.CreatedAt);

    public static ExperimentInfo ToInfo(Experiment e, int runCount) =>
        new(e.Id, e.Name, e.CreatedAt, e.CreatedBy, new SortedDictionary<string, string>(e.Tags, StringComparer.Ordinal), runCount);
}
