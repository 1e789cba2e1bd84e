namespace Raciflow.Projects;

/// <summary>
/// The <c>retraining</c> section of raciflow.yaml: what starts a retraining besides a person, and whether its
/// challenger may replace the champion without the Accountable's approval.
/// </summary>
public sealed class RetrainingConfig
{
    /// <summary>Alert kinds that start a retraining: <c>drift-alert</c>, <c>performance-alert</c>.</summary>
    public List<string> On { get; set; } = [];

    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 0 3 ? * MON</c>; unset means no schedule.</summary>
    public string? Schedule { get; set; }

    /// <summary>Promote a challenger that beats the champion without an approval. Off unless explicitly allowed.</summary>
    public bool AutoPromote { get; set; }

    /// <summary>Train on the reference rows plus labelled feedback, saved as a new dataset version.</summary>
    public bool IncludeFeedback { get; set; }
}
