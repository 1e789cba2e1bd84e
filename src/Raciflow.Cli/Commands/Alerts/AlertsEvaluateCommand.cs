using System.ComponentModel;
using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Retraining;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary><c>raciflow alerts evaluate [MODEL]</c>: what the server's schedule does, now.</summary>
[NotGoverned("runs the monitor the project's raciflow.yaml configures; acting on alerts (ack, resolve) is governed, retraining is audited as the policy")]
public sealed class AlertsEvaluateCommand : RaciflowCommand<AlertsEvaluateCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var cycle = new MonitoringCycle(GovernanceCli.Open(workspace));
        var models = settings.Model is { } m ? [m] : await cycle.ProductionModelsAsync(cancellationToken);
        var results = new List<MonitoringCycleResult>();
        foreach (var model in models)
        {
            results.Add(await cycle.RunAsync(model, cancellationToken));
        }

        output.Write(results, () => new Rows(results.SelectMany(r => new Spectre.Console.Rendering.IRenderable[]
        {
            new Markup($"[bold]{Markup.Escape(r.Alerts.Model)}@{r.Alerts.Version}[/]: {r.Alerts.Opened.Count} opened, {r.Alerts.Updated.Count} still firing, {r.Retrainings.Count} retrainings\n"),
            AlertView.Table([.. r.Alerts.Firing]),
        }.Concat(r.Alerts.Skipped.Select(s => new Markup($"[grey]{Markup.Escape(s.Key)} not evaluated: {Markup.Escape(s.Value)}[/]\n")))
         .Concat(r.Retrainings.Select(t => RetrainCommand.Render(t))))));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[MODEL]")]
        [Description("Registered model name; default: every model with a production alias.")]
        public string? Model { get; init; }
    }
}
