using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Raciflow.Serving.Batch;
using Raciflow.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Serving;

/// <summary><c>raciflow predict MODEL[@VERSION|@ALIAS] --input X --output Y</c> (or <c>--bundle FILE.zip</c>): batch scoring of a CSV or Parquet file.</summary>
[NotGoverned("reads a bundle and an input file and writes a local output file; changes no workspace state")]
public sealed class PredictCommand : RaciflowCommand<PredictCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var bundle = await LoadModelAsync(settings, cancellationToken);
        var result = await output.ProgressAsync(
            $"Scoring {Path.GetFileName(settings.Input)}",
            report => BatchScorer.ScoreAsync(bundle, settings.Input!, settings.Output!, new Progress<double>(report), cancellationToken));
        output.Write(
            new { rows = result.Rows, output = settings.Output, seconds = result.Elapsed.TotalSeconds, rowsPerSecond = result.RowsPerSecond, peakMemoryBytes = result.PeakMemoryBytes },
            () => new Markup(
                $"[green]Scored[/] {result.Rows:N0} rows with {Markup.Escape(bundle.Algorithm)} into [bold]{Markup.Escape(settings.Output!)}[/] " +
                $"in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s, peak memory {result.PeakMemoryBytes / (1024 * 1024):N0} MiB)\n"));
        return 0;
    }

    /// <summary>The one place the model is found: a registered version (MODEL alone is its production alias) or a bundle file.</summary>
    private static async Task<ModelBundle> LoadModelAsync(Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Model is { } model)
        {
            using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
            var registry = new ModelRegistry(workspace);
            return await registry.LoadBundleAsync(await registry.GetServedAsync(ModelRef.Parse(model), cancellationToken), cancellationToken);
        }

        if (!File.Exists(settings.Bundle))
        {
            throw new RaciflowException(ErrorKind.NotFound, $"Bundle file '{settings.Bundle}' does not exist.") { Location = settings.Bundle };
        }

        await using var stream = File.OpenRead(settings.Bundle!);
        cancellationToken.ThrowIfCancellationRequested();
        return ModelBundle.Load(stream, AlgorithmCatalog.CreateDefault());
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
