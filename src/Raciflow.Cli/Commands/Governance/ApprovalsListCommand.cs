using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals list [--status pending|approved|rejected]</c>.</summary>
[NotGoverned("reads approval requests")]
public sealed class ApprovalsListCommand : RaciflowCommand<ApprovalsListCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var requests = await GovernanceCli.Open(workspace).Approvals.ListAsync(settings.Status, settings.Limit, cancellationToken);
        output.Write(new { approvals = requests }, () =>
        {
            if (requests.Count == 0)
            {
                return GovernanceCli.Line($"No {(settings.Status is null ? string.Empty : Markup.Escape(settings.Status) + " ")}approval requests.");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Status").AddColumn("Action").AddColumn("Target").AddColumn("Task").AddColumn("Requested").AddColumn("Decided");
            foreach (var r in requests)
            {
                table.AddRow(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ApprovalsShowCommand.Status(r.Status), Markup.Escape(r.Action), Markup.Escape(r.Target ?? string.Empty), Markup.Escape(r.Task),
                    $"{Markup.Escape(r.RequestedBy)} {r.RequestedAt:yyyy-MM-dd HH:mm}", r.DecidedBy is null ? string.Empty : $"{Markup.Escape(r.DecidedBy)} {r.DecidedAt:yyyy-MM-dd HH:mm}");
            }

            return table;
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("pending, approved or rejected.")]
        public string? Status { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most N requests (default 50).")]
        public int Limit { get; init; } = 50;
    }
}
