namespace Raciflow.Governance.Notifications;

/// <summary>The JSON body of a webhook delivery (and what an inbox item is made of).</summary>
public sealed record NotificationPayload(
    long Id,
    string Event,
    string Task,
    string Actor,
    string? Target,
    string Text,
    string Reason,
    string Recipient,
    IReadOnlyList<string> Roles,
    long? AuditSequence,
    DateTime Time);
