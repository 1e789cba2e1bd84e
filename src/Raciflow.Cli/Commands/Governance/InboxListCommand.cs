using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow inbox [list] [--all]</c>: your notifications.</summary>
[NotGoverned("reads the caller's own inbox")]
public sealed class InboxListCommand : RaciflowCommand<InboxListCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var member = await InboxOwner.ResolveAsync(workspace, cancellationToken);
        var items = await InboxService.ListAsync(workspace.Metadata, member, unreadOnly: !settings.All, settings.Limit, cancellationToken);
        output.Write(new { member, items }, () =>
        {
            if (items.Count == 0)
            {
                return GovernanceCli.Line($"No {(settings.All ? string.Empty : "unread ")}notifications for {Markup.Escape(member)}.");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("When (UTC)").AddColumn("Why").AddColumn("Task").AddColumn("Message");
            foreach (var i in items)
            {
                var why = i.Reason == NotificationReasons.Act ? "[bold yellow]act[/]" : Markup.Escape(i.Reason);
                var text = i.ReadAt is null ? $"[bold]{Markup.Escape(i.Text)}[/]" : Markup.Escape(i.Text);
                table.AddRow(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i.CreatedAt:yyyy-MM-dd HH:mm}", why, Markup.Escape(i.Task), text);
            }

            return table;
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--all")]
        [Description("Include notifications already read.")]
        public bool All { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most N notifications (default 50).")]
        public int Limit { get; init; } = 50;
    }
}
