using Raciflow.Governance.Members;
using Raciflow.Workspaces;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Whose inbox a command reads: the member of the caller's token, or the local user in single-user mode.</summary>
public static class InboxOwner
{
    public static async Task<string> ResolveAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var governance = GovernanceCli.Open(workspace);
        if ((await RoleHolders.EnrolledAsync(workspace, cancellationToken)).Count == 0)
        {
            return workspace.Actor;
        }

        return (await governance.Members.WhoAmIAsync(cancellationToken)).Name;
    }
}
