using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Registers <c>raciflow data …</c>; each subcommand lives in its own file and takes one line here.</summary>
public static class DataCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("data", data =>
        {
            data.SetDescription("Versioned datasets: add, list, show and compare.");
            data.AddCommand<DataAddCommand>("add").WithDescription("Add a CSV or Parquet file as a new dataset version (unchanged content is not stored twice).");
            data.AddCommand<DataListCommand>("list").WithDescription("List datasets with their latest version.");
            data.AddCommand<DataShowCommand>("show").WithDescription("Show a version's schema and column statistics: NAME, NAME@NUMBER or NAME@HASH.");
            data.AddCommand<DataDiffCommand>("diff").WithDescription("Compare two versions: columns, types, rows and statistics.");
        });
    }
}
