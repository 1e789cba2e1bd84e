using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow members revoke NAME</c>.</summary>
[GovernedAction(GovernedActions.MembersRevoke)]
public sealed class MembersRevokeCommand : RaciflowCommand<MemberNameSettings>
{
    protected override async Task<int> RunAsync(MemberNameSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var member = await GovernanceCli.Open(workspace).Members.RevokeAsync(settings.Name, cancellationToken);
        output.Write(member, () => GovernanceCli.Line($"[yellow]Revoked[/] {Markup.Escape(member.Name)}: their token no longer works."));
        return 0;
    }
}
