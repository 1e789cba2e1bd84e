using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals show ID</c>.</summary>
[NotGoverned("reads an approval request")]
public sealed class ApprovalsShowCommand : RaciflowCommand<ApprovalsShowCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var r = await GovernanceCli.Open(workspace).Approvals.GetAsync(settings.Id, cancellationToken);
        output.Write(r, () =>
        {
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Status", Status(r.Status));
            grid.AddRow("Action", Markup.Escape($"{r.Action} {r.Target}"));
            grid.AddRow("Task", Markup.Escape(r.Task));
            grid.AddRow("Arguments", Markup.Escape(r.ArgumentsJson));
            grid.AddRow("Evidence", Markup.Escape(r.EvidenceJson ?? "none"));
            grid.AddRow("Requested", Markup.Escape($"{r.RequestedBy} at {r.RequestedAt:yyyy-MM-dd HH:mm} UTC"));
            grid.AddRow("Consulted", Markup.Escape(r.ConsultedRoles.Length == 0 ? "none" : r.ConsultedRoles) + (r.RequireConsulted ? " (all must comment)" : string.Empty));
            if (r.DecidedBy is not null)
            {
                grid.AddRow("Decided", Markup.Escape($"{r.DecidedBy} at {r.DecidedAt:yyyy-MM-dd HH:mm} UTC{(r.DecisionComment is null ? string.Empty : ": " + r.DecisionComment)}"));
            }

            foreach (var c in r.Comments)
            {
                grid.AddRow("Comment", Markup.Escape($"{c.Author} ({c.Role}) {c.CreatedAt:yyyy-MM-dd HH:mm}: {c.Text}"));
            }

            return new Panel(grid).Header($"Approval {r.Id}");
        });
        return 0;
    }

    internal static string Status(string status) => status switch
    {
        ApprovalStatus.Approved => "[green]approved[/]",
        ApprovalStatus.Rejected => "[red]rejected[/]",
        _ => "[yellow]pending[/]",
    };

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Approval request id.")]
        public long Id { get; init; }
    }
}
