using Raciflow.Governance;
using Raciflow.Governance.Approvals;

namespace Raciflow.Pipelines.Promotion;

/// <summary>Performs an approved alias move as the approver (the Accountable), so approving is promoting.</summary>
public sealed class PromotionApprovalHandler(GovernanceService governance) : IApprovalHandler
{
    public async Task<string?> PerformAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = PromotionArguments.FromJson(request.ArgumentsJson);
        var move = await new PromotionService(governance).PerformAsync(arguments, $"approval {request.Id}", cancellationToken);
        return $"{move.Model} {move.Alias}: {(move.From is { } f ? "version " + f : "unset")} → version {move.To}";
    }
}
