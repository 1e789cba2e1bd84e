namespace Raciflow.Monitoring.Alerts;

/// <summary>The rules monitoring.alerts can switch on, by the name alerts carry.</summary>
public static class AlertRules
{
    public const string Drift = "drift";
    public const string Performance = "performance";
    public const string Latency = "latency";
    public const string Errors = "errors";
    public const string NoTraffic = "no-traffic";

    /// <summary>The retraining trigger (retraining.on) an alert of this rule stands for, if any.</summary>
    public static string? Trigger(string rule) => rule switch
    {
        Drift => "drift-alert",
        Performance => "performance-alert",
        _ => null,
    };
}
