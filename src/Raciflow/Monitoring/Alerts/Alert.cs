namespace Raciflow.Monitoring.Alerts;

/// <summary>
/// A monitoring alert on a model: raised by a rule, then acknowledged and resolved by people (who and when are
/// kept). While it is not resolved, re-evaluating the same rule updates it instead of raising another.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    public required string Model { get; set; }

    /// <summary>The served version the rule looked at, when it looked at one.</summary>
    public int? Version { get; set; }

    /// <summary>One of <see cref="AlertRules"/>.</summary>
    public required string Rule { get; set; }

    /// <summary>One of <see cref="AlertStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>"model/rule" while the alert is not resolved, null after: a unique index keeps one open alert per pair.</summary>
    public string? OpenKey { get; set; }

    public required string Message { get; set; }

    /// <summary>The measured value at the latest evaluation (a share, milliseconds, a metric).</summary>
    public double? Value { get; set; }

    public double? Threshold { get; set; }

    /// <summary>How many evaluations found the condition while the alert was open.</summary>
    public int Occurrences { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolutionNote { get; set; }

    /// <summary>What the alert started: e.g. "retraining run 1a2b…"; set once, so an alert retrains at most once.</summary>
    public string? Retraining { get; set; }
}
