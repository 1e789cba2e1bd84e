using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Registers workspace-level commands: init (and, later, quickstart).</summary>
public static class WorkspaceCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<QuickstartCommand>("quickstart").WithDescription("Run the whole lifecycle on the bundled example in a fresh folder, then start the server.");
        config.AddCommand<InitCommand>("init").WithDescription("Create raciflow.yaml and the workspace stores in DIR (default: current folder).");
    }
}
