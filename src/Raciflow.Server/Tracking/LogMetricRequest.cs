namespace Raciflow.Server.Tracking;

/// <summary>One metric point; step defaults to 0 and timestamp to the server's now.</summary>
public sealed record LogMetricRequest(string? Key, double? Value, long? Step, DateTime? Timestamp);
