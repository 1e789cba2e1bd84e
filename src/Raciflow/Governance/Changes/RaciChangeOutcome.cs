using Raciflow.Governance.Approvals;

namespace Raciflow.Governance.Changes;

/// <summary>What happened to a requested change: applied at once (by the Accountable), or waiting for their approval.</summary>
/// <param name="Change">The change.</param>
/// <param name="Applied">True when the matrix or the member was changed now.</param>
/// <param name="Summary">What changed (before → after), when applied.</param>
/// <param name="Approval">The approval request created, when the caller is not the Accountable.</param>
public sealed record RaciChangeOutcome(RaciChange Change, bool Applied, string? Summary, ApprovalRequest? Approval);
