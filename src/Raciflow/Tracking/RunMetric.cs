namespace Raciflow.Tracking;

/// <summary>One point of a metric's history: a value at a step (epoch, iteration) and a time.</summary>
public sealed class RunMetric
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string Key { get; set; }

    public double Value { get; set; }

    public long Step { get; set; }

    public DateTime Timestamp { get; set; }
}
