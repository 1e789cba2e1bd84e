using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow members add NAME --role ROLE[,ROLE] [--admin]</c>: prints the new token once.</summary>
[GovernedAction(GovernedActions.MembersAdd)]
public sealed class MembersAddCommand : RaciflowCommand<MembersAddCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var governance = GovernanceCli.Open(workspace);
        var issued = await governance.Members.AddAsync(settings.Name, settings.Roles, settings.Admin, cancellationToken);
        output.Write(new { member = issued.Member, token = issued.Token, enforcementSwitchedOn = issued.EnforcementSwitchedOn }, () =>
        {
            var rows = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup($"[green]Added[/] {Markup.Escape(issued.Member.Name)} ({Markup.Escape(string.Join(", ", issued.Member.Roles))}){(issued.Member.IsAdmin ? " as [bold]admin[/]" : string.Empty)}"),
                new Markup("API token (shown once, store it now):"),
                new Markup($"  [bold]{Markup.Escape(issued.Token)}[/]"),
                new Markup($"They sign in with: [bold]raciflow login[/] (or set RACIFLOW_TOKEN)"),
            };
            if (issued.EnforcementSwitchedOn)
            {
                rows.Add(new Markup("[yellow]This is the first member: the workspace leaves single-user mode and enforces the RACI matrix from now on; every action needs a token.[/]"));
            }

            return new Rows(rows);
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("Member name: letters, digits, '.', '_', '-', '@'.")]
        public string Name { get; init; } = string.Empty;

        [CommandOption("-r|--role <ROLES>")]
        [Description("Role(s), comma-separated or repeated: names or abbreviations (BS, SME, DE, DS, SWE, MLE, DevOps).")]
        public string[] Roles { get; init; } = [];

        [CommandOption("--admin")]
        [Description("Make the member an admin (manages members; gains no R or A).")]
        public bool Admin { get; init; }
    }
}
