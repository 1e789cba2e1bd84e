using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Raci;

namespace Raciflow.Governance.Changes;

/// <summary>
/// Applies an approved <c>raci.change</c> as the Accountable who approved it (their grant is checked again, so the
/// audit event names them and the role they used).
/// </summary>
internal sealed class RaciChangeHandler(GovernanceService governance) : IApprovalHandler
{
    public async Task<string?> PerformAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = RaciChange.FromJson(request.ArgumentsJson);
        var grant = await governance.AuthorizeAsync(GovernedActions.RaciChange, change.Target, LifecycleTasks.ProblemDefinition, RaciAssignment.Accountable, cancellationToken);
        var summary = await new RaciChangeService(governance).ApplyAsync(grant with { Target = $"{change.Target} (approval {request.Id})" }, change, cancellationToken);
        return summary;
    }
}
