namespace Raciflow.Projects;

/// <summary>
/// The <c>monitoring.alerts</c> section of raciflow.yaml: each rule that is set is evaluated over the last
/// <see cref="Window"/> of a production model's traffic; an unset rule is off.
/// </summary>
public sealed class AlertsConfig
{
    /// <summary>How much recent traffic the rules look at, e.g. <c>1h</c> (default).</summary>
    public string Window { get; set; } = "1h";

    /// <summary>Alert when the share of drifted features is above this (0–1).</summary>
    public double? DriftShare { get; set; }

    /// <summary>Alert when a metric of the served version on labelled predictions misses a KPI of problem.kpis.</summary>
    public bool Performance { get; set; }

    /// <summary>Fewer labelled predictions than this in the window say nothing about performance.</summary>
    public int MinLabelled { get; set; } = 1;

    /// <summary>Alert when the 99th percentile latency in milliseconds is above this.</summary>
    public double? LatencyP99Ms { get; set; }

    /// <summary>Alert when the share of failed requests is above this (0–1).</summary>
    public double? ErrorRate { get; set; }

    /// <summary>Alert when the model served nothing for this long, e.g. <c>30m</c>.</summary>
    public string? NoTraffic { get; set; }
}
