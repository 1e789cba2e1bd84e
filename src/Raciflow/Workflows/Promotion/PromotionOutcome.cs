using Raciflow.Governance.Approvals;
using Raciflow.Registry;

namespace Raciflow.Workflows.Promotion;

/// <summary>Either the alias moved (<see cref="Move"/>) or an approval was requested (<see cref="Approval"/>, with its evidence).</summary>
public sealed record PromotionOutcome(AliasHistoryEntry? Move, ApprovalRequest? Approval, PromotionEvidence? Evidence);
