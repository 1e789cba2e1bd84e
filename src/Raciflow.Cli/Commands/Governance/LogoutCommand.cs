using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow logout</c>: forgets the saved token of this workspace.</summary>
[NotGoverned("writes only the caller's local credentials file")]
public sealed class LogoutCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var removed = CredentialsFile.Remove(GovernanceCli.WorkspaceKey(workspace));
        output.Write(new { removed }, () => GovernanceCli.Line(removed ? "[green]Logged out[/] of this workspace." : "No saved token for this workspace."));
        return 0;
    }
}
