using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Alerts;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary><c>raciflow alerts resolve ID [--note TEXT]</c>.</summary>
[GovernedAction(GovernedActions.AlertsResolve)]
public sealed class AlertsResolveCommand : RaciflowCommand<AlertIdSettings>
{
    protected override async Task<int> RunAsync(AlertIdSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var alert = await new AlertService(GovernanceCli.Open(workspace)).ResolveAsync(settings.Id, settings.Note, cancellationToken);
        output.Write(alert, () => AlertView.Line("Resolved", alert));
        return 0;
    }
}
