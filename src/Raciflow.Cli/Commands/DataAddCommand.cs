using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow data add FILE --name NAME</c>.</summary>
[GovernedAction(GovernedActions.DataAdd)]
public sealed class DataAddCommand : RaciflowCommand<DataAddCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var service = new DatasetService(workspace);
        var result = await GovernAsync(
            workspace,
            GovernedActions.DataAdd,
            settings.Name,
            _ => output.ProgressAsync(
                $"Adding {Path.GetFileName(settings.File)}",
                report => service.AddAsync(settings.File, settings.Name!, new Progress<double>(report), cancellationToken)),
            r => $"{r.Version.Label} ({r.Version.Hash[..12]}, {(r.Created ? "new" : "unchanged")})",
            cancellationToken);
        var v = result.Version;
        output.Write(
            new { version = DatasetVersionView.Of(v), created = result.Created },
            () => new Markup(
                $"{(result.Created ? "[green]Added[/]" : "[yellow]Unchanged[/]")} [bold]{Markup.Escape(v.Label)}[/] " +
                $"({v.Hash[..12]}): {v.RowCount:N0} rows × {v.ColumnCount} columns{(result.Created ? string.Empty : " (unchanged: this content is already stored)")}\n"));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV (.csv, .tsv, .txt) or Parquet (.parquet) file to add.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("-n|--name <NAME>")]
        [Description("Dataset name: letters, digits, '.', '_' or '-'.")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("Give the dataset a name with --name NAME.") : ValidationResult.Success();
    }
}
