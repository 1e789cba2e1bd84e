namespace Raciflow.Tracking;

/// <summary>
/// The latest point of each metric of a run (highest step, then latest time), kept beside the history so that
/// search, sort and compare read one row per metric instead of scanning every point (MLflow's latest_metrics).
/// </summary>
public sealed class RunLatestMetric
{
    public required string RunId { get; set; }

    public required string Key { get; set; }

    public double Value { get; set; }

    public long Step { get; set; }

    public DateTime Timestamp { get; set; }
}
