namespace Raciflow.Governance.Approvals;

/// <summary>
/// Performs an approved action, e.g. the registry moving the production alias. Registered per action in
/// <see cref="ApprovalHandlers"/>; when none is registered, approving returns the action for the caller to perform
/// with <see cref="ApprovalService.ConsumeAsync"/>.
/// </summary>
public interface IApprovalHandler
{
    /// <summary>Performs the action with the approved arguments; returns a one-line summary of what changed.</summary>
    Task<string?> PerformAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>Rejects (Invalid) arguments the action could never be performed with, before anyone is asked to approve them.</summary>
    void ValidateArguments(string argumentsJson)
    {
    }
}
