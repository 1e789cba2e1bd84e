namespace Raciflow.Governance.Authorization;

/// <summary>A state-changing action and the lifecycle task it belongs to.</summary>
/// <param name="Name">Dotted action name, e.g. <c>models.register</c>.</param>
/// <param name="Task">The lifecycle task whose R or A roles may perform it.</param>
/// <param name="Description">What the action does, for docs/actions.md.</param>
/// <param name="AdminAllowed">Workspace admins may also perform it (member management), without gaining any R or A.</param>
/// <param name="TaskOfRequest">The task is taken from the approval request the action concerns (approvals.*).</param>
/// <param name="GatedByDefault">An approval is needed even when raciflow.yaml declares no gates.</param>
public sealed record GovernedAction(
    string Name,
    string Task,
    string Description,
    bool AdminAllowed = false,
    bool TaskOfRequest = false,
    bool GatedByDefault = false);
