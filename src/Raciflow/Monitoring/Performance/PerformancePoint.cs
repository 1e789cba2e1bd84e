namespace Raciflow.Monitoring.Performance;

/// <summary>
/// The performance of one model version over one time window [Start, End): how many predictions were served,
/// how many have feedback, and the task's metrics over those (null where a metric is undefined, e.g. R² of a
/// constant actual value; empty without feedback).
/// </summary>
public sealed record PerformancePoint(
    int Version,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Predictions,
    int Labelled,
    IReadOnlyDictionary<string, double?> Metrics);
