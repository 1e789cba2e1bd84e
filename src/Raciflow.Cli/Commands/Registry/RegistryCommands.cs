using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary>Registers <c>raciflow models …</c> and <c>raciflow lineage</c>.</summary>
public static class RegistryCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("models", models =>
        {
            models.SetDescription("The model registry: versions, aliases (staging, production…), model cards.");
            models.AddCommand<ModelsRegisterCommand>("register").WithDescription("Register a run's model as the next version of a model.");
            models.AddCommand<ModelsListCommand>("list").WithDescription("List registered models with their latest version and aliases.");
            models.AddCommand<ModelsShowCommand>("show").WithDescription("Show MODEL[[@VERSION|@ALIAS]]: lineage, metrics, signature; --card for the model card.");
            models.AddCommand<ModelsAliasCommand>("alias").WithDescription("Point an alias at a version (production asks the Accountable for approval).");
            models.AddCommand<ModelsHistoryCommand>("history").WithDescription("Every alias move of a model: who, when, from which version to which.");
            models.AddCommand<ModelsRollbackCommand>("rollback").WithDescription("Point production (or --alias) back at the version it held before.");
        });
        config.AddCommand<LineageCommand>("lineage").WithDescription("Lineage of MODEL@VERSION (run, dataset, source file) or of a dataset version (--dataset NAME@V: runs and models).");
    }
}
