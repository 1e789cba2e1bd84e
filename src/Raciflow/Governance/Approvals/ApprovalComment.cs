namespace Raciflow.Governance.Approvals;

/// <summary>A consultation answer (or any comment) on an approval request.</summary>
public sealed class ApprovalComment
{
    public long Id { get; set; }

    public long ApprovalRequestId { get; set; }

    public required string Author { get; set; }

    public required string Role { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
