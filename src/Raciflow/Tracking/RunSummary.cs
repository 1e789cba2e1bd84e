namespace Raciflow.Tracking;

/// <summary>A run as lists show it: identity, status, timings, params, latest metric values and tags.</summary>
public sealed record RunSummary
{
    public required string Id { get; init; }

    public required string Experiment { get; init; }

    public required string Name { get; init; }

    public string? ParentRunId { get; init; }

    public RunStatus Status { get; init; }

    public string? ErrorMessage { get; init; }

    public required string StartedBy { get; init; }

    public DateTime StartTime { get; init; }

    public DateTime? EndTime { get; init; }

    public double? DurationSeconds => EndTime is { } end ? (end - StartTime).TotalSeconds : null;

    public required IReadOnlyDictionary<string, string> Params { get; init; }

    /// <summary>Latest value of each metric.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
