namespace Raciflow.Projects;

/// <summary>The <c>monitoring</c> section of raciflow.yaml: how production data is watched.</summary>
public sealed class MonitoringConfig
{
    public DriftConfig Drift { get; set; } = new();

    public AlertsConfig Alerts { get; set; } = new();

    /// <summary>How often the server evaluates the alert rules of every production model, e.g. <c>1m</c> (default).</summary>
    public string EvaluateEvery { get; set; } = "1m";
}
