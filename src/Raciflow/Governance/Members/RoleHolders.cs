using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Raci;
using Raciflow.Workspaces;

namespace Raciflow.Governance.Members;

/// <summary>Who holds which roles: the active workspace members, plus the members declared in raciflow.yaml.</summary>
public static class RoleHolders
{
    public static async Task<IReadOnlyList<RoleHolder>> EnrolledAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        var members = await db.Set<Member>().AsNoTracking().Where(m => m.RevokedAt == null).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return members.Select(m => new RoleHolder(m.Name, m.RoleList)).ToList();
    }

    public static async Task<RoleHolder> FindAsync(Workspace workspace, string name, CancellationToken cancellationToken = default)
    {
        var enrolled = (await EnrolledAsync(workspace, cancellationToken)).FirstOrDefault(m => m.Name == name);
        if (enrolled is not null)
        {
            return enrolled;
        }

        var declared = workspace.Project?.Members.FirstOrDefault(m => m.Name == name);
        return declared is not null
            ? new RoleHolder(declared.Name, declared.Roles.Select(r => Roles.Find(r)?.Name ?? r).ToList())
            : throw RaciflowException.NotFound($"No member named {name} in the workspace or in {workspace.ProjectFile}.");
    }
}
