namespace Raciflow.Governance.Notifications;

/// <summary>
/// A notification waiting for delivery, written in the same transaction as the audit event of the action it reports,
/// so it is never lost when the process dies before delivering it. The dispatcher delivers at least once.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary><see cref="NotificationChannels.Inbox"/> or <see cref="NotificationChannels.Webhook"/>.</summary>
    public required string Channel { get; set; }

    /// <summary>The member name (inbox) or the webhook URL.</summary>
    public required string Recipient { get; set; }

    /// <summary>Why the recipient is told: informed, act or consulted.</summary>
    public required string Reason { get; set; }

    public required string Task { get; set; }

    public required string Event { get; set; }

    public required string PayloadJson { get; set; }

    public long? AuditSequence { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? DeadLetteredAt { get; set; }

    public string? LastError { get; set; }
}
