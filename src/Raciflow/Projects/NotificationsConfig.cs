namespace Raciflow.Projects;

/// <summary>Where notifications go besides the in-app inbox, and how hard delivery tries.</summary>
public sealed class NotificationsConfig
{
    public List<WebhookConfig> Webhooks { get; set; } = [];

    /// <summary>Delivery attempts per webhook message before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; later ones double.</summary>
    public double RetryDelaySeconds { get; set; } = 1;
}
