namespace Raciflow.Workflows.Retraining;

/// <summary>Why a retraining ran: by hand (with the person's reason), for an alert, or on the policy's schedule.</summary>
public sealed record RetrainingTrigger(string Kind, string? Reason = null, long? AlertId = null)
{
    public const string ManualKind = "manual";
    public const string AlertKind = "alert";
    public const string ScheduleKind = "schedule";

    public static RetrainingTrigger Manual(string? reason) => new(ManualKind, reason);

    public static RetrainingTrigger ForAlert(long alertId, string rule) => new(AlertKind, $"{rule} alert {alertId}", alertId);

    public static RetrainingTrigger Scheduled(string cron) => new(ScheduleKind, $"schedule {cron}");

    public string Describe() => Kind switch
    {
        ManualKind => Reason is null ? "by hand" : $"by hand: {Reason}",
        _ => Reason ?? Kind,
    };

    /// <summary>Tags of the retraining run, so its lineage says why it ran.</summary>
    public IReadOnlyDictionary<string, string> Tags(string champion)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["retraining.trigger"] = Kind,
            ["retraining.champion"] = champion,
        };
        if (Reason is not null)
        {
            tags["retraining.reason"] = Reason;
        }

        if (AlertId is { } id)
        {
            tags["retraining.alert"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return tags;
    }
}
