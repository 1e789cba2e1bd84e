using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals approve ID [-m COMMENT]</c>.</summary>
[GovernedAction(GovernedActions.ApprovalsApprove)]
public sealed class ApprovalsApproveCommand : RaciflowCommand<ApprovalIdSettings>
{
    protected override async Task<int> RunAsync(ApprovalIdSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var decision = await GovernanceCli.Open(workspace).Approvals.ApproveAsync(settings.Id, settings.Comment, cancellationToken);
        output.Write(decision, () => GovernanceCli.Line(decision.Performed
            ? $"[green]Approved[/] {settings.Id} and performed {Markup.Escape(decision.Action)}: {Markup.Escape(decision.Result ?? "done")}"
            : $"[green]Approved[/] {settings.Id}. To perform: {Markup.Escape(decision.Action)} {Markup.Escape(decision.ArgumentsJson)} (with approval id {settings.Id})."));
        return 0;
    }
}
