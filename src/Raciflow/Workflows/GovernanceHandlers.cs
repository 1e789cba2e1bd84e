using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Promotion;

namespace Raciflow.Workflows;

/// <summary>
/// Wires the capabilities' approval handlers into a governance facade, so approving a gated action performs it.
/// Every front door (CLI, API, web pages, quickstart) calls it on the governance it opens.
/// </summary>
public static class GovernanceHandlers
{
    public static GovernanceService Register(GovernanceService governance)
    {
        ArgumentNullException.ThrowIfNull(governance);
        governance.ApprovalHandlers.Register(GovernedActions.ModelsAliasProduction, new PromotionApprovalHandler(governance));
        return governance;
    }
}
