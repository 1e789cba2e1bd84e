using System.Reflection;
using Raciflow.Cli.Commands;
using Raciflow.Cli.Commands.Governance;
using Spectre.Console.Cli;

namespace Raciflow.Cli;

/// <summary>Builds the <c>raciflow</c> command tree; each capability registers its own branch.</summary>
public static class CliApp
{
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("raciflow");
            config.SetApplicationVersion(Version);
            config.Settings.StrictParsing = true;
            WorkspaceCommands.Register(config);
            DataCommands.Register(config);
            ExamplesCommands.Register(config);
            Commands.Training.TrainingCommands.Register(config);
            Commands.Tracking.TrackingCommands.Register(config);
            Commands.Server.ServerCommands.Register(config);
            GovernanceCommands.Register(config);
            Commands.Registry.RegistryCommands.Register(config);
            Commands.Serving.ServingCommands.Register(config);
            Commands.Monitoring.MonitoringCommands.Register(config);
            Commands.Alerts.AlertsCommands.Register(config);
            Commands.Packaging.PackagingCommands.Register(config);
            config.SetExceptionHandler((ex, _) => CommandErrors.Report(ex, JsonRequested(args)));
        });
        return app.RunAsync(args);
    }

    internal static bool JsonRequested(IEnumerable<string> args) => args.Contains("--json", StringComparer.Ordinal);
}
