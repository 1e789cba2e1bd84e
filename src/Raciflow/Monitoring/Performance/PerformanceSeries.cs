using Raciflow.Training;

namespace Raciflow.Monitoring.Performance;

/// <summary>
/// A model's performance over time, one point per version and window, ordered by version then time: the series a
/// chart draws one line per version from. <see cref="Task"/> is null when nothing was logged in the range.
/// </summary>
public sealed record PerformanceSeries(
    string Model,
    TaskKind? Task,
    TimeSpan Window,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<string> MetricNames,
    IReadOnlyList<PerformancePoint> Points);
