using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow members list</c>.</summary>
[NotGoverned("reads members")]
public sealed class MembersListCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var members = await GovernanceCli.Open(workspace).Members.ListAsync(cancellationToken);
        output.Write(new { members, singleUserMode = members.Count == 0 }, () =>
        {
            if (members.Count == 0)
            {
                return GovernanceCli.Line($"No members: single-user mode (every action allowed, audited as {Markup.Escape(workspace.Actor)}). Add one with [bold]raciflow members add NAME --role ROLE[/].");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Name").AddColumn("Roles").AddColumn("Admin").AddColumn("Status").AddColumn("Added");
            foreach (var m in members)
            {
                table.AddRow(Markup.Escape(m.Name), Markup.Escape(string.Join(", ", m.Roles)), m.IsAdmin ? "yes" : string.Empty,
                    m.IsActive ? "[green]active[/]" : $"[red]revoked {m.RevokedAt:yyyy-MM-dd}[/]", $"{m.CreatedAt:yyyy-MM-dd} by {Markup.Escape(m.CreatedBy)}");
            }

            return table;
        });
        return 0;
    }
}
