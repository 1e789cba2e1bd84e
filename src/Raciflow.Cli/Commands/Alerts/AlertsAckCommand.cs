using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Alerts;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary><c>raciflow alerts ack ID [--note TEXT]</c>.</summary>
[GovernedAction(GovernedActions.AlertsAck)]
public sealed class AlertsAckCommand : RaciflowCommand<AlertIdSettings>
{
    protected override async Task<int> RunAsync(AlertIdSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var alert = await new AlertService(GovernanceCli.Open(workspace)).AckAsync(settings.Id, settings.Note, cancellationToken);
        output.Write(alert, () => AlertView.Line("Acknowledged", alert));
        return 0;
    }
}
