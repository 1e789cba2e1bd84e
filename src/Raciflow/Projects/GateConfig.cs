namespace Raciflow.Projects;

/// <summary>A deployment gate from raciflow.yaml: an action that needs an approval by its task's Accountable.</summary>
public sealed class GateConfig
{
    /// <summary>The governed action, e.g. <c>models.alias.production</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>Every Consulted role must comment before the decision (unless the deadline has passed).</summary>
    public bool RequireConsulted { get; set; }

    /// <summary>Hours the Consulted have to respond; after that the Accountable may decide without them.</summary>
    public double? DeadlineHours { get; set; }

    /// <summary>The requester may not approve their own request (default true).</summary>
    public bool SeparationOfDuties { get; set; } = true;
}
