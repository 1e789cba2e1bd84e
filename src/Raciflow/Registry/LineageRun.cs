namespace Raciflow.Registry;

/// <summary>A run as lineage shows it: enough to find it and reproduce it.</summary>
public sealed record LineageRun(string Id, string Name, string Experiment, string Status, string StartedBy, DateTime StartTime, string? GitCommit, bool? GitDirty);
