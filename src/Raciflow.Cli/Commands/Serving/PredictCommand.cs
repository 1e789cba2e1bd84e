using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Raciflow.Serving;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Serving;

/// <summary><c>raciflow predict MODEL[@VERSION|@ALIAS] --input X --output Y</c> (or <c>--bundle FILE.zip</c>): batch scoring of a CSV or Parquet file.</summary>
[NotGoverned("reads a bundle and an input file and writes a local output file; changes no workspace state")]
public sealed class PredictCommand : RaciflowCommand<PredictCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = settings.Model is null ? null : await OpenWorkspaceAsync(settings, cancellationToken);
        IServingCatalog catalog = workspace is not null
            ? new RegistryServingCatalog(workspace)
            : new BundleServingCatalog(settings.Bundle!, BundleModel, 1, TimeProvider.System);
        var (model, alias, version) = settings.Model is { } reference ? Parse(reference) : (BundleModel, null, (int?)1);
        var service = new PredictionService(new ServedModels(catalog));
        var result = await output.ProgressAsync(
            $"Scoring {Path.GetFileName(settings.Input)}",
            report => service.ScoreFileAsync(model, alias, version, settings.Input!, settings.Output!, new Progress<double>(report), cancellationToken));
        output.Write(
            new { rows = result.Rows, unscoredRows = result.UnscoredRows, output = settings.Output, seconds = result.Elapsed.TotalSeconds, rowsPerSecond = result.RowsPerSecond, peakMemoryBytes = result.PeakMemoryBytes },
            () => new Rows(new IRenderable[]
            {
                new Markup(
                    $"[green]Scored[/] {result.Rows:N0} rows into [bold]{Markup.Escape(settings.Output!)}[/] " +
                    $"in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s, peak memory {result.PeakMemoryBytes / (1024 * 1024):N0} MiB)\n"),
                result.UnscoredRows == 0 ? Text.Empty : new Markup(
                    $"[yellow]warning:[/] {result.UnscoredRows:N0} row(s) have no finite prediction (inputs far outside the training range) and were left empty; the first is data row {result.FirstUnscoredRow:N0}.\n"),
            }));
        return 0;
    }

    /// <summary>What a bundle file is served as: it has no registry name.</summary>
    private const string BundleModel = "bundle";

    /// <summary>MODEL (its production alias), MODEL@VERSION or MODEL@ALIAS.</summary>
    private static (string Model, string? Alias, int? Version) Parse(string reference)
    {
        var parsed = ModelRef.Parse(reference);
        return (parsed.Name, parsed.Alias, parsed.Version);
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[MODEL]")]
        [Description("MODEL (its production alias), MODEL@VERSION or MODEL@ALIAS from the registry.")]
        public string? Model { get; init; }

        [CommandOption("-b|--bundle <FILE>")]
        [Description("Model bundle (.zip) to score with.")]
        public string? Bundle { get; init; }

        [CommandOption("-i|--input <FILE>")]
        [Description("Rows to score: .csv or .parquet, with the model's input columns.")]
        public string? Input { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the input columns plus prediction columns: .csv or .parquet.")]
        public string? Output { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Bundle) == string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("Give the model as MODEL[@VERSION|@ALIAS] or with --bundle FILE.zip (one of them).")
            : string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("Give the rows to score with --input FILE.csv|FILE.parquet.")
            : string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("Give the output file with --output FILE.csv|FILE.parquet.")
            : ValidationResult.Success();
    }
}
