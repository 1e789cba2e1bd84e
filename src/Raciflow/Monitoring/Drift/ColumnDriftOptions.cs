namespace Raciflow.Monitoring.Drift;

/// <summary>A per-column override of the drift test and its threshold; null keeps the default.</summary>
public sealed record ColumnDriftOptions(DriftTest? Test = null, double? Threshold = null);
