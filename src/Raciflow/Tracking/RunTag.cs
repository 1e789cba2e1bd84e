namespace Raciflow.Tracking;

/// <summary>A mutable label on a run (e.g. "candidate"="true").</summary>
public sealed class RunTag
{
    public required string RunId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
