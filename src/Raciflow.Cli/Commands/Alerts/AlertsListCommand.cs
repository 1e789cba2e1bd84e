using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Alerts;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary><c>raciflow alerts list [--model M] [--status S]</c>.</summary>
[NotGoverned("read-only")]
public sealed class AlertsListCommand : RaciflowCommand<AlertsListCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var alerts = await new AlertService(Governance.GovernanceCli.Open(workspace)).ListAsync(settings.Model, settings.Status, settings.Limit, cancellationToken);
        output.Write(alerts, () => AlertView.Table(alerts));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--model <MODEL>")]
        [Description("Only this model's alerts.")]
        public string? Model { get; init; }

        [CommandOption("--status <STATUS>")]
        [Description("open, acknowledged or resolved.")]
        public string? Status { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most this many (default 100).")]
        public int Limit { get; init; } = 100;
    }
}
