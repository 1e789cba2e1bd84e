namespace Raciflow.Governance.Notifications;

/// <summary>The delivery channels of the outbox.</summary>
public static class NotificationChannels
{
    public const string Inbox = "inbox";
    public const string Webhook = "webhook";
}
