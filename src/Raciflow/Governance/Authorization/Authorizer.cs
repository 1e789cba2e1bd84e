using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Raciflow.Workspaces;

namespace Raciflow.Governance.Authorization;

/// <summary>
/// Decides whether the holder of some credentials may perform an action: their member must hold a role that is R or
/// A (or, for approvals, exactly what the caller requires) for the action's task. Denials are audited and thrown as
/// Unauthorized (401: no, malformed, revoked or rotated-out token) or Forbidden (403, naming the task, the roles
/// that may act and who holds them). A workspace with no members runs in single-user mode and allows everything.
/// </summary>
public static class Authorizer
{
    private const RaciAssignment MayAct = RaciAssignment.Responsible | RaciAssignment.Accountable;

    public static async Task<AuthorizationGrant> AuthorizeAsync(
        Workspace workspace,
        Credentials credentials,
        string action,
        string? target,
        string? task = null,
        RaciAssignment required = MayAct,
        string? requestId = null,
        CancellationToken cancellationToken = default)
    {
        var governed = GovernedActions.Get(action);
        var taskName = task ?? governed.Task;
        List<Member> members;
        await using (var db = workspace.Metadata.CreateContext())
        {
            members = await db.Set<Member>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }

        if (members.Count == 0)
        {
            return new AuthorizationGrant(workspace.Actor, AuthorizationGrant.SingleUserRole, taskName, action, target, SingleUserMode: true);
        }

        var member = await AuthenticateAsync(workspace, credentials, members, governed.Name, taskName, target, requestId, cancellationToken);
        if (governed.AdminAllowed && member.IsAdmin)
        {
            return new AuthorizationGrant(member.Name, AuthorizationGrant.AdminRole, taskName, action, target, SingleUserMode: false);
        }

        var matrix = RaciMatrix.Parse(workspace.RequireProject().Raci, workspace.ProjectFile);
        var role = member.RoleList
            .Select(r => (role: r, assignment: matrix.Get(taskName, r)))
            .Where(r => (r.assignment & required) != 0)
            .OrderBy(r => Preference(r.assignment, required))
            .Select(r => r.role)
            .FirstOrDefault();
        if (role is not null)
        {
            return new AuthorizationGrant(member.Name, role, taskName, action, target, SingleUserMode: false);
        }

        var message = ForbiddenMessage(member, governed, taskName, required, matrix, members);
        await AuditDenialAsync(workspace, new AuditEntry(member.Name, string.Join(",", member.RoleList), taskName, action, target, AuditOutcome.Denied, After: message, RequestId: requestId), cancellationToken);
        throw new RaciflowException(ErrorKind.Forbidden, message) { Location = action };
    }

    /// <summary>Acts as the doer (R) when one can; answers as the consulted (C) when consultation is what is asked.</summary>
    private static int Preference(RaciAssignment assignment, RaciAssignment required) =>
        required.HasFlag(RaciAssignment.Consulted)
            ? (assignment.HasFlag(RaciAssignment.Consulted) ? 0 : 1)
            : (assignment.HasFlag(RaciAssignment.Responsible) ? 0 : 1);

    /// <summary>
    /// Who the credentials belong to, for calls that need a valid token but no role (the server's read-only
    /// endpoints): the workspace actor in single-user mode, else the member; Unauthorized otherwise. Not audited:
    /// reads are not governed actions, and auditing every anonymous probe would let anyone grow the audit chain.
    /// </summary>
    public static async Task<string> AuthenticateAsync(Workspace workspace, Credentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(credentials);
        List<Member> members;
        await using (var db = workspace.Metadata.CreateContext())
        {
            members = await db.Set<Member>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }

        if (members.Count == 0)
        {
            return workspace.Actor;
        }

        return (Identify(credentials, members, out var problem) ?? throw new RaciflowException(ErrorKind.Unauthorized, problem!)).Name;
    }

    /// <summary>Finds the active member whose token hash matches; audits and throws Unauthorized when none does.</summary>
    private static async Task<Member> AuthenticateAsync(Workspace workspace, Credentials credentials, List<Member> members, string action, string task, string? target, string? requestId, CancellationToken cancellationToken)
    {
        var found = Identify(credentials, members, out var problem);
        if (found is not null)
        {
            return found;
        }

        await AuditDenialAsync(workspace, new AuditEntry("(unauthenticated)", null, task, action, target, AuditOutcome.Unauthorized, After: problem, RequestId: requestId), cancellationToken);
        throw new RaciflowException(ErrorKind.Unauthorized, problem!);
    }

    /// <summary>The active member whose token hash matches, comparing every hash in constant time; else why not.</summary>
    private static Member? Identify(Credentials credentials, List<Member> members, out string? problem)
    {
        problem = null;
        Member? found = null;
        if (!credentials.IsPresent)
        {
            problem = "No credentials: this workspace has members, so every action needs an API token. Set RACIFLOW_TOKEN or run 'raciflow login' (HTTP: send 'Authorization: Bearer <token>').";
        }
        else if (!ApiToken.IsWellFormed(credentials.Token))
        {
            problem = $"The API token is malformed: Raciflow tokens start with '{ApiToken.Prefix}' and are {ApiToken.Length} characters long.";
        }
        else
        {
            foreach (var m in members)
            {
                // No early exit: every stored hash is compared, so timing does not depend on which one matches.
                if (ApiToken.Matches(credentials.Token!, m.TokenHash) && m.IsActive)
                {
                    found = m;
                }
            }

            if (found is null)
            {
                problem = "The API token is not valid: it is unknown, was revoked or was replaced by 'raciflow members rotate'. Ask an admin for a new one.";
            }
        }

        return found;
    }

    private static string ForbiddenMessage(Member member, GovernedAction action, string task, RaciAssignment required, RaciMatrix matrix, List<Member> members)
    {
        var letters = required == MayAct ? "R or A" : required.Letters() switch
        {
            "A" => "A (the Accountable)",
            var l => string.Join(" or ", l.ToCharArray()),
        };
        var roles = matrix.RolesWith(task, required);
        var who = roles.Count == 0
            ? $"the matrix names no role that is {letters} for {task} (see 'raciflow raci validate')"
            : string.Join("; ", roles.Select(r =>
            {
                var holders = members.Where(m => m.IsActive && m.RoleList.Contains(r)).Select(m => m.Name).ToList();
                return $"{r} ({matrix.Get(task, r).Letters()}): {(holders.Count == 0 ? "no member holds it" : string.Join(", ", holders))}";
            }));
        if (action.AdminAllowed)
        {
            who += $"; or a workspace admin ({string.Join(", ", members.Where(m => m.IsActive && m.IsAdmin).Select(m => m.Name))})";
        }

        var held = member.RoleList.Count == 0 ? "no role" : string.Join(", ", member.RoleList);
        return $"{member.Name} ({held}) may not do '{action.Name}': it belongs to task {task}, which needs a role that is {letters}. Roles that may: {who}.";
    }

    private static Task AuditDenialAsync(Workspace workspace, AuditEntry entry, CancellationToken cancellationToken) =>
        GovernanceTransaction.RunAsync(workspace.Metadata, db => AuditLog.AppendAsync(db, entry, workspace.UtcNow, cancellationToken), cancellationToken);
}
