using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow notifications dispatch</c>: delivers the outbox (the server will do this in the background).</summary>
[NotGoverned("delivers notifications of actions already authorised and audited")]
public sealed class NotificationsDispatchCommand : RaciflowCommand<WorkspaceSettings>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var report = await GovernanceCli.Open(workspace).DispatchAsync(Http, cancellationToken);
        output.Write(report, () => GovernanceCli.Line($"Delivered {report.Delivered}, dead-lettered {report.DeadLettered}."));
        return 0;
    }
}
