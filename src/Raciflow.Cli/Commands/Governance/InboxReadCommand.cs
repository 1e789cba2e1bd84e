using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow inbox read [ID…]</c>: marks notifications read.</summary>
[NotGoverned("marks the caller's own notifications read; no shared state changes")]
public sealed class InboxReadCommand : RaciflowCommand<InboxReadCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var member = await InboxOwner.ResolveAsync(workspace, cancellationToken);
        var count = await InboxService.MarkReadAsync(workspace.Metadata, member, settings.Ids, workspace.UtcNow, cancellationToken);
        output.Write(new { member, marked = count }, () => GovernanceCli.Line($"Marked {count} notification(s) read."));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("Notification ids (default: all unread).")]
        public long[] Ids { get; init; } = [];
    }
}
