namespace Raciflow.Tracking;

/// <summary>A named group of runs that attack one question, e.g. "penguins-species".</summary>
public sealed class Experiment
{
    public long Id { get; set; }

    /// <summary>Unique within the workspace.</summary>
    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Free-form labels (stored as one JSON column: experiments have few and they are read whole).</summary>
    public Dictionary<string, string> Tags { get; set; } = [];

    public List<Run> Runs { get; set; } = [];
}
