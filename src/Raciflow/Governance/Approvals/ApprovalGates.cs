using Raciflow.Governance.Authorization;
using Raciflow.Projects;

namespace Raciflow.Governance.Approvals;

/// <summary>Which actions need an approval: the gates of raciflow.yaml plus the actions gated by default.</summary>
public static class ApprovalGates
{
    /// <summary>The gate for an action, or null when it needs no approval.</summary>
    public static GateConfig? Find(ProjectConfig? project, string action)
    {
        var declared = project?.Gates.FirstOrDefault(g => g.Action == action);
        if (declared is not null)
        {
            return declared;
        }

        return GovernedActions.IsKnown(action) && GovernedActions.Get(action).GatedByDefault ? new GateConfig { Action = action } : null;
    }

    /// <summary>Gate actions must be governed actions; returns a message per unknown one (key <c>gates[i].action</c>).</summary>
    public static IReadOnlyList<string> Problems(ProjectConfig project) =>
        project.Gates.Select((g, i) => (g, i))
            .Where(x => !GovernedActions.IsKnown(x.g.Action))
            .Select(x => $"gates[{x.i}].action: '{x.g.Action}' is not a governed action (see docs/actions.md).")
            .ToList();
}
