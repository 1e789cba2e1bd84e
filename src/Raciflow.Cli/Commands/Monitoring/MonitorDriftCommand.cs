using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Rendering;
using Raciflow.Data;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.Drift.Reporting;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Registry;
using Raciflow.Storage;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Monitoring;

/// <summary>
/// <c>raciflow monitor drift MODEL[@VERSION|@ALIAS] [--current FILE|DATASET@V] [--window 24h] [--report FILE.html]</c>:
/// the served version's training rows against its recent traffic (or a file or dataset version), one row per
/// feature, the prediction and the dataset verdict. The report is saved in the artifact store for the dashboard.
/// </summary>
[NotGoverned("an analysis: it reads the model and its traffic; the saved drift report is monitoring output that changes no governed state (alerts and retraining it may lead to are governed)")]
public sealed class MonitorDriftCommand : RaciflowCommand<MonitorDriftCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var model = ModelRef.Parse(settings.Model);
        var window = MonitoringWindow.Parse(settings.Window ?? MonitoringWindow.Default);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var now = workspace.Clock.GetUtcNow();
        var current = settings.Current is { } c ? CurrentOf(c) : DriftCurrent.Window(now - window, now);
        var result = await output.ProgressAsync(
            $"Comparing {model} with {current.Describe()}",
            _ => new ModelDriftService(workspace).AnalyzeAsync(model, current, cancellationToken));
        var stored = await new DriftReportStore(workspace).SaveAsync(result.Report, result.Subject, cancellationToken);
        if (settings.Report is { } path)
        {
            await WriteAtomicallyAsync(path, DriftHtmlReport.Render(result.Report, $"Drift report: {result.Version.Label} vs {result.Current}", now), cancellationToken);
        }

        var summary = ModelDriftSummary.Of(result, stored.JsonKey);
        output.Write(summary, () => Render(summary, settings.Report));
        return 0;
    }

    /// <summary>An existing path or a .csv/.parquet name is a file; anything else names a dataset version.</summary>
    private static DriftCurrent CurrentOf(string text) =>
        File.Exists(text) || Path.GetExtension(text).ToLowerInvariant() is ".csv" or ".parquet"
            ? DriftCurrent.OfFile(text)
            : DriftCurrent.OfDataset(DatasetRef.Parse(text));

    private static Task WriteAtomicallyAsync(string path, string html, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return AtomicFile.WriteAllTextAsync(full, html, cancellationToken);
    }

    private static IRenderable Render(ModelDriftSummary summary, string? reportPath)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Feature", "Test", "Statistic", "p-value / distance", "Threshold", "PSI", "Drifted");
        foreach (var feature in summary.Features.Append(summary.Prediction).OfType<FeatureDriftSummary>())
        {
            var name = feature == summary.Prediction ? $"[italic]{Markup.Escape(feature.Column)} (prediction)[/]" : Markup.Escape(feature.Column);
            table.AddRow(
                name,
                feature.Test,
                Number(feature.Statistic),
                Number(feature.PValue ?? feature.Statistic),
                Number(feature.Threshold),
                Number(feature.Psi),
                feature.Drifted ? "[red bold]yes[/]" : "[green]no[/]");
        }

        var verdict = summary.DatasetDrift
            ? $"[red bold]DRIFT DETECTED[/]: {summary.DriftedFeatures} of {summary.Features.Count} features drifted ({summary.DriftedShare:P0}; threshold {summary.DriftShareThreshold:P0})."
            : $"[green]No dataset drift[/]: {summary.DriftedFeatures} of {summary.Features.Count} features drifted ({summary.DriftedShare:P0}; threshold {summary.DriftShareThreshold:P0}).";
        return new Rows(
            new Markup($"[bold]{Markup.Escape(summary.Model)}@{summary.Version}[/]: {summary.ReferenceRows:N0} training rows vs {Markup.Escape(summary.Current)} ({summary.CurrentRows:N0} rows)"),
            table,
            new Markup(verdict),
            new Markup($"[dim]Saved as {Markup.Escape(summary.ReportKey ?? string.Empty)}{(reportPath is null ? "; pass --report FILE.html for a page with a chart per feature" : string.Empty)}.[/]"),
            reportPath is null ? Text.Empty : new Markup($"HTML report written to {Markup.Escape(reportPath)}"));
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("MODEL (its production alias), MODEL@VERSION or MODEL@ALIAS.")]
        public string Model { get; init; } = string.Empty;

        [CommandOption("--current <FILE|DATASET@V>")]
        [Description("Compare with a CSV/Parquet file or a dataset version instead of the served traffic.")]
        public string? Current { get; init; }

        [CommandOption("-w|--window <DURATION>")]
        [Description("How far back to read served predictions, ending now: 30m, 24h (default), 7d.")]
        public string? Window { get; init; }

        [CommandOption("--report <FILE.html>")]
        [Description("Also write the HTML report (a chart per feature, reference vs current) to FILE.")]
        public string? Report { get; init; }

        public override ValidationResult Validate() =>
            Current is not null && Window is not null
                ? ValidationResult.Error("Give either --current (a file or dataset version) or --window (served traffic), not both.")
                : ValidationResult.Success();
    }
}
