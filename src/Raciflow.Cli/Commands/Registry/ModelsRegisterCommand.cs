using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow models register RUN --name MODEL</c>.</summary>
[GovernedAction(GovernedActions.ModelsRegister)]
public sealed class ModelsRegisterCommand : RaciflowCommand<ModelsRegisterCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var registry = new ModelRegistry(workspace);
        var version = await GovernAsync(
            workspace,
            GovernedActions.ModelsRegister,
            $"{settings.Name} from run {settings.Run}",
            grant => registry.RegisterAsync(settings.Run, settings.Name!, settings.Description, grant.Actor, cancellationToken),
            v => $"{v.Label} from run {v.RunId} ({v.Algorithm})",
            cancellationToken);
        output.Write(version, () => new Markup(
            $"[green]Registered[/] [bold]{Markup.Escape(version.Label)}[/] from run {version.RunId} ({Markup.Escape(version.Algorithm)}" +
            $"{(version.Dataset is null ? string.Empty : ", trained on " + Markup.Escape(version.Dataset))}).\n" +
            $"Promote it with: raciflow models alias {Markup.Escape(version.Model)} {version.Version} production\n"));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run id (or unique prefix). A training job's parent run stands for its best model.")]
        public string Run { get; init; } = string.Empty;

        [CommandOption("-n|--name <MODEL>")]
        [Description("Model name: letters, digits, '.', '_' or '-'.")]
        public string? Name { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        public string? Description { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("Name the model with --name MODEL.") : ValidationResult.Success();
    }
}
