namespace Raciflow.Data.Profiling;

/// <summary>What profiling produced: the numbers, the stored report and, when asked for, the file written.</summary>
public sealed record ProfileResult(ProfileReport Report, DatasetProfile Stored, string? OutputPath);
