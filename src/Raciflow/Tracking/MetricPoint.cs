namespace Raciflow.Tracking;

/// <summary>A metric value to log; the step defaults to 0 and the time to the workspace clock's now.</summary>
public sealed record MetricPoint(string Key, double Value, long Step = 0, DateTime? Timestamp = null);
