using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Serving;

/// <summary>Registers the batch-serving commands (<c>raciflow predict</c>).</summary>
public static class ServingCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<PredictCommand>("predict").WithDescription("Score a CSV or Parquet file with a model bundle, streaming, into a CSV or Parquet file.");
    }
}
