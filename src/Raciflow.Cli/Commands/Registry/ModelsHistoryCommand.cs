using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow models history MODEL [--alias ALIAS]</c>.</summary>
[NotGoverned("read-only")]
public sealed class ModelsHistoryCommand : RaciflowCommand<ModelsHistoryCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var history = await new ModelRegistry(workspace).AliasHistoryAsync(ModelName.Validate(settings.Model), settings.Alias, cancellationToken);
        output.Write(history, () => AliasHistoryTable.Render(history));
        return 0;
    }

    public sealed class Settings : ModelArgumentSettings
    {
        [CommandOption("--alias <ALIAS>")]
        [Description("Only this alias.")]
        public string? Alias { get; init; }
    }
}
