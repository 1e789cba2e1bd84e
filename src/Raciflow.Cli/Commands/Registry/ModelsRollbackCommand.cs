using System.ComponentModel;
using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Promotion;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow models rollback MODEL [--alias production]</c>: one audited step back.</summary>
[GovernedAction(GovernedActions.ModelsRollback)]
public sealed class ModelsRollbackCommand : RaciflowCommand<ModelsRollbackCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var move = await new PromotionService(GovernanceCli.Open(workspace)).RollbackAsync(ModelName.Validate(settings.Model), settings.Alias, cancellationToken);
        output.Write(move, () => new Markup($"[green]Rolled back[/] {Markup.Escape(move.Model)} [bold]{Markup.Escape(move.Alias)}[/]: version {ModelsShowCommand.Version(move.From)} → version {ModelsShowCommand.Version(move.To)}\n"));
        return 0;
    }

    public sealed class Settings : ModelArgumentSettings
    {
        [CommandOption("--alias <ALIAS>")]
        [Description("The alias to roll back (default production).")]
        public string Alias { get; init; } = ModelAliases.Production;
    }
}
