using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workspaces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow init [DIR]</c>.</summary>
[NotGoverned("creates the workspace, before any member or matrix exists")]
public sealed class InitCommand : RaciflowCommand<InitCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var result = await WorkspaceInitializer.InitAsync(settings.Target ?? settings.Directory ?? ".", options, cancellationToken);
        output.Write(result, () => new Rows(
            new Markup(result.ProjectFileCreated
                ? $"[green]Created[/] {Markup.Escape(result.ProjectFile)} (edit the problem, data and members sections)"
                : $"[yellow]Kept[/] existing {Markup.Escape(result.ProjectFile)}"),
            new Markup($"Metadata store: {Markup.Escape(result.Store)}"),
            new Markup($"Artifact store: {Markup.Escape(result.Artifacts)}"),
            new Markup("Next: [bold]raciflow data add FILE --name NAME[/]")));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("Project folder to create or initialise.")]
        public string? Target { get; init; }
    }
}
