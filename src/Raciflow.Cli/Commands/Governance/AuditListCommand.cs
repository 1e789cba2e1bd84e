using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow audit list [--task TASK] [--actor NAME] [--limit N]</c>.</summary>
[NotGoverned("reads the audit log")]
public sealed class AuditListCommand : RaciflowCommand<AuditListCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var events = await AuditLog.ListAsync(workspace.Metadata, new AuditQuery(settings.Task, settings.Actor, settings.Action, settings.Limit), cancellationToken);
        output.Write(new { events }, () =>
        {
            if (events.Count == 0)
            {
                return GovernanceCli.Line("No audit events match.");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Time (UTC)").AddColumn("Actor (role)").AddColumn("Task").AddColumn("Action").AddColumn("Target").AddColumn("Change");
            foreach (var e in events)
            {
                var action = e.Outcome == AuditOutcome.Allowed ? Markup.Escape(e.Action) : $"[red]{Markup.Escape(e.Action)} ({Markup.Escape(e.Outcome)})[/]";
                var change = GovernanceCli.Clip(e.Before is null ? e.After : $"{e.Before} → {e.After}");
                var actor = e.Role is { Length: > 0 } role ? $"{e.Actor} ({role})" : e.Actor;
                table.AddRow(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{e.Time:yyyy-MM-dd HH:mm:ss}", Markup.Escape(actor),
                    Markup.Escape(e.Task), action, Markup.Escape(GovernanceCli.Clip(e.Target, 30)), Markup.Escape(change));
            }

            return table;
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--task <TASK>")]
        [Description("Only events of this lifecycle task.")]
        public string? Task { get; init; }

        [CommandOption("--actor <NAME>")]
        [Description("Only events by this actor.")]
        public string? Actor { get; init; }

        [CommandOption("--action <ACTION>")]
        [Description("Only events of this action.")]
        public string? Action { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most N events (default 50).")]
        public int Limit { get; init; } = 50;
    }
}
