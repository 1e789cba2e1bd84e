namespace Raciflow.Projects;

/// <summary>The <c>monitoring</c> section of raciflow.yaml: how production data is watched.</summary>
public sealed class MonitoringConfig
{
    public DriftConfig Drift { get; set; } = new();
}
