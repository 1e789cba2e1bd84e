namespace Raciflow.Monitoring.Traffic;

/// <summary>
/// One bucket [Start, Start + bucket) of served predictions: how many, how many failed, the rate per minute and the
/// latency percentiles in milliseconds (null for an empty bucket).
/// </summary>
public sealed record TrafficPoint(DateTimeOffset Start, int Predictions, int Errors, double PerMinute, double? P50, double? P95, double? P99);
