namespace Raciflow.Tracking;

/// <summary>An input of a run (hyperparameter, option); immutable once logged.</summary>
public sealed class RunParam
{
    public required string RunId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
