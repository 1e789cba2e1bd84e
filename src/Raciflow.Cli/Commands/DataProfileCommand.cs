using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>
/// <c>raciflow data profile NAME[@VERSION] [--out report.html]</c>: writes a self-contained HTML exploratory report
/// and stores it in the artifact store under reports/.
/// </summary>
[GovernedAction(GovernedActions.DataProfile)]
public sealed class DataProfileCommand : RaciflowCommand<DataProfileCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var reference = DatasetRef.Parse(settings.Reference);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var service = new DatasetProfileService(workspace);
        var result = await GovernAsync(
            workspace,
            GovernedActions.DataProfile,
            reference.ToString(),
            _ => output.ProgressAsync(
                $"Profiling {reference}",
                report => service.ProfileAsync(reference, settings.Out, new Progress<double>(report), cancellationToken)),
            r => $"profile {r.Stored.ReportKey}",
            cancellationToken);
        var o = result.Report.Overview;
        output.Write(
            new
            {
                dataset = result.Report.Dataset,
                reportKey = result.Stored.ReportKey,
                hash = result.Stored.Hash,
                sizeBytes = result.Stored.SizeBytes,
                file = result.OutputPath,
                overview = o,
                columns = result.Report.Columns,
            },
            () => new Rows(
                new Markup($"[green]Profiled[/] {Markup.Escape(result.Report.Dataset)}: {o.Rows:N0} rows × {o.Columns} columns, {o.MissingCells:N0} missing cells, {o.DuplicateRows:N0} duplicate rows."),
                new Markup($"Stored as {Markup.Escape(result.Stored.ReportKey)} ({result.Stored.SizeBytes:N0} bytes)"),
                new Markup(result.OutputPath is null ? "[dim]Pass --out FILE.html to write a copy you can open.[/]" : $"Written to {Markup.Escape(result.OutputPath)}")));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("NAME, NAME@NUMBER, NAME@latest or NAME@HASHPREFIX.")]
        public string Reference { get; init; } = string.Empty;

        [CommandOption("-o|--out <FILE>")]
        [Description("Also write the HTML report to FILE (relative to the project folder).")]
        public string? Out { get; init; }
    }
}
