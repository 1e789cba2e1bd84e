using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Raciflow.Projects;

namespace Raciflow.Governance.Changes;

/// <summary>
/// Changing the matrix or a member's roles is itself governed by task problem-definition: its Accountable applies a
/// change directly (they are the one who signs such changes off), its Responsible gets an approval request that the
/// Accountable decides, and anyone else is refused (403, audited). Applied changes are audited as <c>raci.change</c>
/// with the before and after; matrix changes are written into raciflow.yaml atomically, keeping its comments.
/// </summary>
public sealed class RaciChangeService(GovernanceService governance)
{
    private const string Action = GovernedActions.RaciChange;

    public Task<RaciChangeOutcome> SetAssignmentAsync(string task, string role, string letters, CancellationToken cancellationToken = default)
    {
        var taskName = LifecycleTasks.IsKnown(task?.Trim() ?? string.Empty) ? task!.Trim()
            : throw RaciflowException.Invalid($"TASK: unknown task '{task}'; known tasks: {LifecycleTasks.Known}.", "TASK");
        var roleName = Roles.Require(role ?? string.Empty, "ROLE").Name;
        return ChangeAsync(RaciChange.Assignment(taskName, roleName, NormalizeLetters(letters)), cancellationToken);
    }

    public Task<RaciChangeOutcome> SetMemberRolesAsync(string member, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        MemberName.Validate(member);
        var names = roles.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => Roles.Require(r, "--role").Name).Distinct().ToList();
        if (names.Count == 0)
        {
            throw RaciflowException.Invalid($"--role: {member} needs at least one role; known roles: {Roles.Known}.", "--role");
        }

        return ChangeAsync(RaciChange.MemberRoles(member, names), cancellationToken);
    }

    private async Task<RaciChangeOutcome> ChangeAsync(RaciChange change, CancellationToken cancellationToken)
    {
        var before = await DescribeCurrentAsync(change, cancellationToken);
        var grant = await governance.AuthorizeAsync(Action, change.Target, cancellationToken);
        if (grant.SingleUserMode || await IsAccountableAsync(grant.Actor, cancellationToken))
        {
            return new RaciChangeOutcome(change, true, await ApplyAsync(grant, change, cancellationToken), null);
        }

        var evidence = JsonSerializer.Serialize(new { change = change.Target, before, after = After(change) });
        var request = await governance.RequestApprovalAsync(Action, change.Target, change.ToJson(), evidence, cancellationToken);
        return new RaciChangeOutcome(change, false, null, request);
    }

    /// <summary>Applies an authorised change and audits it; called directly for the Accountable, or by the approval handler.</summary>
    internal async Task<string> ApplyAsync(AuthorizationGrant grant, RaciChange change, CancellationToken cancellationToken)
    {
        var before = await DescribeCurrentAsync(change, cancellationToken);
        if (change.Kind == RaciChange.AssignmentKind)
        {
            ApplyAssignment(change);
            await governance.AuditAsync(grant, before, After(change), cancellationToken: cancellationToken);
        }
        else
        {
            await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
            {
                var member = await db.Set<Member>().SingleOrDefaultAsync(m => m.Name == change.Member, cancellationToken)
                    ?? throw RaciflowException.NotFound($"There is no member named {change.Member}; 'raciflow members list' shows them.");
                if (!member.IsActive)
                {
                    throw RaciflowException.Conflict($"{change.Member} is revoked; add them again instead of changing their roles.");
                }

                member.Roles = string.Join(",", change.Roles ?? []);
                await db.SaveChangesAsync(cancellationToken);
                await governance.AuditAsync(grant, before, After(change), db, cancellationToken: cancellationToken);
                return true;
            }, cancellationToken);
        }

        return $"{change.Target}: {before} → {After(change)}";
    }

    private void ApplyAssignment(RaciChange change)
    {
        var workspace = governance.Workspace;
        var project = ProjectConfigLoader.Load(workspace.ProjectFile); // the file as it is now, not as this process first read it
        var row = project.Raci.GetValueOrDefault(change.Task!) ?? [];
        var cells = Roles.All.Select(r => r.Name)
            .Select(name => (name, letters: name == change.Role ? change.Letters! : row.FirstOrDefault(kv => Roles.Find(kv.Key)?.Name == name).Value))
            .Where(c => !string.IsNullOrEmpty(c.letters))
            .Select(c => KeyValuePair.Create(c.name, c.letters!.ToUpperInvariant()))
            .ToList();
        var accountable = cells.Where(c => RaciAssignmentText.TryParse(c.Value) is { } a && a.HasFlag(RaciAssignment.Accountable)).Select(c => c.Key).ToList();
        if (accountable.Count > 1)
        {
            throw new RaciflowException(ErrorKind.Unprocessable,
                $"raci.{change.Task}: {string.Join(" and ", accountable)} would both be Accountable; a task has exactly one. Make {accountable.First(a => a != change.Role)} R (or remove it) first.")
            { Location = $"raci.{change.Task}" };
        }

        ProjectFileEditor.SetRaciRow(workspace.ProjectFile, change.Task!, cells);
        workspace.ReloadProject();
    }

    private async Task<string> DescribeCurrentAsync(RaciChange change, CancellationToken cancellationToken)
    {
        if (change.Kind == RaciChange.AssignmentKind)
        {
            var raci = ProjectConfigLoader.Load(governance.Workspace.ProjectFile).Raci;
            var letters = RaciMatrix.Parse(raci, governance.Workspace.ProjectFile, out _).Get(change.Task!, change.Role!).Letters();
            return letters.Length == 0 ? "(none)" : letters;
        }

        await using var db = governance.Workspace.Metadata.CreateContext();
        var roles = await db.Set<Member>().AsNoTracking().Where(m => m.Name == change.Member).Select(m => m.Roles).SingleOrDefaultAsync(cancellationToken)
            ?? throw RaciflowException.NotFound($"There is no member named {change.Member}; 'raciflow members list' shows them.");
        return roles.Replace(",", ", ", StringComparison.Ordinal);
    }

    private static string After(RaciChange change) =>
        change.Kind == RaciChange.AssignmentKind ? (change.Letters is { Length: > 0 } l ? l : "(none)") : string.Join(", ", change.Roles ?? []);

    private async Task<bool> IsAccountableAsync(string actor, CancellationToken cancellationToken)
    {
        var holder = await RoleHolders.FindAsync(governance.Workspace, actor, cancellationToken);
        var matrix = RaciMatrix.Parse(governance.Workspace.RequireProject().Raci, governance.Workspace.ProjectFile);
        return holder.Roles.Any(r => matrix.Get(LifecycleTasks.ProblemDefinition, r).HasFlag(RaciAssignment.Accountable));
    }

    /// <summary>R, A, RA, C or I; "-" or "none" removes the role from the task.</summary>
    private static string NormalizeLetters(string letters)
    {
        var text = (letters ?? string.Empty).Trim();
        if (text is "-" or "" || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        return RaciAssignmentText.TryParse(text)?.Letters()
            ?? throw RaciflowException.Invalid($"LETTERS: '{letters}' is not a RACI assignment; use R, A, RA, C, I, or - to remove the role from the task.", "LETTERS");
    }
}
