namespace Raciflow.Governance.Authorization;

/// <summary>Permission to perform one action: who acts, in which role, for which task.</summary>
/// <param name="Actor">The member name, or the local OS user in single-user mode.</param>
/// <param name="Role">The role used: a catalog role, <c>admin</c>, or <c>single-user</c>.</param>
/// <param name="Task">The lifecycle task the action belongs to.</param>
/// <param name="Action">The governed action.</param>
/// <param name="Target">What the action is applied to, e.g. <c>model churn v3</c>.</param>
/// <param name="SingleUserMode">True when the workspace has no members yet, so nothing is enforced.</param>
public sealed record AuthorizationGrant(string Actor, string Role, string Task, string Action, string? Target, bool SingleUserMode)
{
    public const string SingleUserRole = "single-user";
    public const string AdminRole = "admin";
}
