using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Monitoring;

/// <summary>Registers the monitoring commands: <c>raciflow feedback</c>, <c>raciflow monitor drift</c>.</summary>
public static class MonitoringCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<FeedbackCommand>("feedback")
            .WithDescription("Record the true outcomes of served predictions (by request id or a key column) from a CSV file.");
        config.AddBranch("monitor", monitor =>
        {
            monitor.SetDescription("Watch served models: drift of their inputs and predictions.");
            monitor.AddCommand<MonitorDriftCommand>("drift")
                .WithDescription("Compare a served model's training rows with its recent traffic, a file or a dataset version, feature by feature.");
        });
    }
}
