using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary>Registers <c>raciflow alerts list|ack|resolve|evaluate</c> and <c>raciflow retrain</c>.</summary>
public static class AlertsCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("alerts", alerts =>
        {
            alerts.SetDescription("Monitoring alerts: list them, acknowledge, resolve, or evaluate the rules now.");
            alerts.AddCommand<AlertsListCommand>("list").WithDescription("List alerts, newest first.");
            alerts.AddCommand<AlertsAckCommand>("ack").WithDescription("Acknowledge an open alert (R or A of monitoring-maintenance).");
            alerts.AddCommand<AlertsResolveCommand>("resolve").WithDescription("Resolve an alert (R or A of monitoring-maintenance).");
            alerts.AddCommand<AlertsEvaluateCommand>("evaluate").WithDescription("Evaluate a production model's alert rules now (and start the retrainings the policy asks for).");
        });
        config.AddCommand<RetrainCommand>("retrain")
            .WithDescription("Retrain a production model as a challenger, compare both on a fresh holdout and ask for the production approval.");
    }
}
