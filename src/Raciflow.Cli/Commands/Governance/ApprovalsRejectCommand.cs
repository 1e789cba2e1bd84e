using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals reject ID [-m COMMENT]</c>.</summary>
[GovernedAction(GovernedActions.ApprovalsReject)]
public sealed class ApprovalsRejectCommand : RaciflowCommand<ApprovalIdSettings>
{
    protected override async Task<int> RunAsync(ApprovalIdSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var decision = await GovernanceCli.Open(workspace).Approvals.RejectAsync(settings.Id, settings.Comment, cancellationToken);
        output.Write(decision, () => GovernanceCli.Line($"[yellow]Rejected[/] {settings.Id}: {Markup.Escape(decision.Action)} will not be performed."));
        return 0;
    }
}
