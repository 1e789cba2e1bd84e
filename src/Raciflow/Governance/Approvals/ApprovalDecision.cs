namespace Raciflow.Governance.Approvals;

/// <summary>The outcome of approving or rejecting: the request and, when approved, the action to perform.</summary>
/// <param name="Request">The decided request.</param>
/// <param name="Performed">True when a registered handler performed the action already.</param>
/// <param name="Result">The handler's summary of what changed.</param>
public sealed record ApprovalDecision(ApprovalRequest Request, bool Performed, string? Result)
{
    public string Action => Request.Action;

    public string ArgumentsJson => Request.ArgumentsJson;
}
