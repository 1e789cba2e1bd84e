using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary>Registers <c>raciflow runs …</c> and <c>raciflow experiments …</c>.</summary>
public static class TrackingCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("runs", runs =>
        {
            runs.SetDescription("Inspect tracked training runs.");
            runs.AddCommand<RunsListCommand>("list").WithDescription("List runs, filtered and sorted (e.g. --filter \"metrics.r2 > 0.8\" --sort \"metrics.r2 desc\").");
            runs.AddCommand<RunsShowCommand>("show").WithDescription("Show one run: params, latest metrics, tags, artifacts and lineage.");
            runs.AddCommand<RunsCompareCommand>("compare").WithDescription("Compare runs side by side.");
        });
        config.AddBranch("experiments", experiments =>
        {
            experiments.SetDescription("Inspect experiments (groups of runs).");
            experiments.AddCommand<ExperimentsListCommand>("list").WithDescription("List experiments with their run counts.");
        });
    }
}
