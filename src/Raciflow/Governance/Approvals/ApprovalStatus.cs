namespace Raciflow.Governance.Approvals;

/// <summary>The states of an approval request.</summary>
public static class ApprovalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
