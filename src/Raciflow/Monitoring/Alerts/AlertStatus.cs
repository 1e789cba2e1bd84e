namespace Raciflow.Monitoring.Alerts;

/// <summary>The lifecycle of an alert: open → acknowledged → resolved (an open alert may be resolved directly).</summary>
public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Resolved];
}
