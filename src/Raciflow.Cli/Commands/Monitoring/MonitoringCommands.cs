using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Monitoring;

/// <summary>Registers the monitoring commands: <c>raciflow feedback</c>.</summary>
public static class MonitoringCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<FeedbackCommand>("feedback")
            .WithDescription("Record the true outcomes of served predictions (by request id or a key column) from a CSV file.");
    }
}
