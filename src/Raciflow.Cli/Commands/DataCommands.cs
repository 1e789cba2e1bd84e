using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Registers <c>raciflow data …</c>.</summary>
public static class DataCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }
}
