namespace Raciflow.Governance.Notifications;

/// <summary>A notification delivered to a member's in-app inbox.</summary>
public sealed class InboxItem
{
    public long Id { get; set; }

    public required string Member { get; set; }

    /// <summary>The outbox message delivered; unique, so a redelivery never duplicates an item.</summary>
    public long OutboxMessageId { get; set; }

    public required string Reason { get; set; }

    public required string Task { get; set; }

    public required string Event { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
