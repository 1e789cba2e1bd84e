using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Training;

/// <summary>Registers <c>raciflow train</c>.</summary>
public static class TrainingCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train, tune and compare algorithms on a dataset version's recorded split; track every run.");
    }
}
