namespace Raciflow.Tracking;

/// <summary>The latest point of one metric of a run.</summary>
public sealed record LatestMetric(string Key, double Value, long Step, DateTime Timestamp);
