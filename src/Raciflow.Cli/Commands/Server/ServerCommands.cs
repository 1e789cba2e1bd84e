using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Server;

/// <summary>Registers <c>raciflow serve</c>.</summary>
public static class ServerCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<ServeCommand>("serve").WithDescription("Run the Raciflow server (REST API, OpenAPI docs) until Ctrl+C.");
    }
}
