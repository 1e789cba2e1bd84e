namespace Raciflow.Tracking;

/// <summary>Where a run is in its life; only <see cref="Running"/> runs accept new params, metrics and artifacts.</summary>
public enum RunStatus
{
    Running,
    Finished,
    Failed,
    Killed,
}
