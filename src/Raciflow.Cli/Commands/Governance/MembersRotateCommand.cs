using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow members rotate NAME</c>: prints a new token once; the old one stops working.</summary>
[GovernedAction(GovernedActions.MembersRotate)]
public sealed class MembersRotateCommand : RaciflowCommand<MemberNameSettings>
{
    protected override async Task<int> RunAsync(MemberNameSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var issued = await GovernanceCli.Open(workspace).Members.RotateAsync(settings.Name, cancellationToken);
        output.Write(new { member = issued.Member, token = issued.Token }, () => new Rows(
            new Markup($"[green]New token for[/] {Markup.Escape(issued.Member.Name)} (shown once; the old one no longer works):"),
            new Markup($"[bold]{Markup.Escape(issued.Token)}[/]")));
        return 0;
    }
}
