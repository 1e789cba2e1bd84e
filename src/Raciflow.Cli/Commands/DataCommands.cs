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
            data.SetDescription("Versioned datasets: add, list, show, compare, validate, profile and split.");
            data.AddCommand<DataAddCommand>("add").WithDescription("Add a CSV or Parquet file as a new dataset version (unchanged content is not stored twice).");
            data.AddCommand<DataListCommand>("list").WithDescription("List datasets with their latest version.");
            data.AddCommand<DataShowCommand>("show").WithDescription("Show a version's schema and column statistics: NAME, NAME@NUMBER or NAME@HASH.");
            data.AddCommand<DataDiffCommand>("diff").WithDescription("Compare two versions: columns, types, rows and statistics.");
            data.AddCommand<DataValidateCommand>("validate").WithDescription("Check a version against built-in checks and raciflow.yaml expectations; exit 3 when an expectation fails.");
            data.AddCommand<DataProfileCommand>("profile").WithDescription("Write a self-contained HTML profile (EDA) report of a version and store it under reports/.");
            data.AddCommand<DataSplitCommand>("split").WithDescription("Record a deterministic train/validation/test split of a version (stratified for classification).");
        });
    }
}
