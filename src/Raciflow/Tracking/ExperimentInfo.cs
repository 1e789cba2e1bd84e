namespace Raciflow.Tracking;

/// <summary>An experiment as front doors show it.</summary>
public sealed record ExperimentInfo(long Id, string Name, DateTime CreatedAt, string CreatedBy, IReadOnlyDictionary<string, string> Tags, int RunCount);
