using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals comment ID TEXT</c>.</summary>
[GovernedAction(GovernedActions.ApprovalsComment)]
public sealed class ApprovalsCommentCommand : RaciflowCommand<ApprovalsCommentCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var comment = await GovernanceCli.Open(workspace).Approvals.CommentAsync(settings.Id, settings.Text, cancellationToken);
        output.Write(comment, () => GovernanceCli.Line($"[green]Commented[/] on approval {settings.Id} as {Markup.Escape(comment.Author)} ({Markup.Escape(comment.Role)})."));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Approval request id.")]
        public long Id { get; init; }

        [CommandArgument(1, "<TEXT>")]
        [Description("Your comment.")]
        public string Text { get; init; } = string.Empty;
    }
}
