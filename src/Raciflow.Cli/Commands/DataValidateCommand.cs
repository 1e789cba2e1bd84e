using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Raciflow.Data.Validation;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands;

/// <summary>
/// <c>raciflow data validate NAME[@VERSION]</c>: runs the built-in checks and raciflow.yaml's expectations, stores
/// the result and exits with 3 (unprocessable) when an expectation fails, so a pipeline stops on bad data.
/// </summary>
[GovernedAction(GovernedActions.DataValidate)]
public sealed class DataValidateCommand : RaciflowCommand<DataValidateCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var reference = DatasetRef.Parse(settings.Reference);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var report = await GovernAsync(
            workspace,
            GovernedActions.DataValidate,
            reference.ToString(),
            _ => new DatasetValidationService(workspace).ValidateAsync(reference, cancellationToken),
            cancellationToken: cancellationToken);
        output.Write(report, () => Render(report, settings.All));
        return report.Passed ? 0 : ErrorKind.Unprocessable.ExitCode();
    }

    private static Rows Render(ValidationReport report, bool all)
    {
        var table = new Table().AddColumns("Check", "Column", "Severity", "Result", "Observed", "Message");
        var shown = report.Checks
            .Where(c => all || !c.Passed || c.Severity != ValidationSeverity.Warning)
            .OrderBy(c => c.Passed)
            .ThenBy(c => c.Severity);
        foreach (var check in shown)
        {
            var result = check.Passed ? "[green]pass[/]" : check.Severity == ValidationSeverity.Error ? "[red]FAIL[/]" : "[yellow]warn[/]";
            table.AddRow(
                Markup.Escape(check.Name),
                Markup.Escape(check.Column ?? "(rows)"),
                check.Severity.ToString().ToLowerInvariant(),
                result,
                Markup.Escape(check.Observed),
                check.Examples.Count == 0 ? Markup.Escape(check.Message) : $"{Markup.Escape(check.Message)}\n[dim]{Markup.Escape(string.Join("; ", check.Examples))}[/]");
        }

        var passedWarnings = report.Checks.Count(c => c.Passed && c.Severity == ValidationSeverity.Warning);
        IRenderable summary = new Markup(report.Passed
            ? $"[green]Passed[/] {Markup.Escape(report.Dataset)}: {report.Rows:N0} rows × {report.Columns} columns, {report.Failures} failed expectations, {report.Warnings} warnings."
            : $"[red]Failed[/] {Markup.Escape(report.Dataset)}: {report.Failures} failed expectations, {report.Warnings} warnings.");
        IRenderable hidden = new Markup(all || passedWarnings == 0 ? string.Empty : $"[dim]{passedWarnings} passing built-in checks hidden; --all shows them.[/]");
        return new Rows(table, summary, hidden);
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("NAME, NAME@NUMBER, NAME@latest or NAME@HASHPREFIX.")]
        public string Reference { get; init; } = string.Empty;

        [CommandOption("--all")]
        [Description("Also list the built-in checks that passed.")]
        public bool All { get; init; }
    }
}
