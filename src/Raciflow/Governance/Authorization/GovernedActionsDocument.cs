using System.Text;
using Raciflow.Governance.Raci;

namespace Raciflow.Governance.Authorization;

/// <summary>Renders docs/actions.md from <see cref="GovernedActions"/>, so the doc cannot drift from the code.</summary>
public static class GovernedActionsDocument
{
    public const string RelativePath = "docs/actions.md";

    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("# Governed actions\n\n");
        md.Append("<!-- Generated from src/Raciflow/Governance/Authorization/GovernedActions.cs; a test fails when they differ. -->\n\n");
        md.Append("Every state-changing action belongs to exactly one lifecycle task. A member may perform it when one of their\n");
        md.Append("roles is Responsible (R) or Accountable (A) for that task in the RACI matrix of raciflow.yaml. Members of a\n");
        md.Append("workspace with no members yet (single-user mode) may do everything; every action is audited either way.\n\n");
        md.Append("| Action | Task | Also allowed | Approval | What it does |\n");
        md.Append("|---|---|---|---|---|\n");
        foreach (var action in GovernedActions.All)
        {
            var task = action.TaskOfRequest ? "task of the request" : action.Task;
            var also = action.AdminAllowed ? "workspace admin" : string.Empty;
            var gate = action.GatedByDefault ? "always (gate)" : "if a gate in raciflow.yaml names it";
            md.Append($"| `{action.Name}` | {task} | {also} | {gate} | {action.Description} |\n");
        }

        md.Append("\n## Tasks\n\n");
        foreach (var task in LifecycleTasks.All)
        {
            var actions = string.Join(", ", GovernedActions.All.Where(a => a.Task == task.Name && !a.TaskOfRequest).Select(a => $"`{a.Name}`"));
            md.Append($"- **{task.Name}** ({task.Title}): {(actions.Length > 0 ? actions : "no action yet")}\n");
        }

        return md.ToString();
    }
}
