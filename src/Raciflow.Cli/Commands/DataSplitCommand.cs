using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Raciflow.Data.Splitting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>
/// <c>raciflow data split NAME[@VERSION] [--train F --validation F --test F --seed N --stratify COL]</c>: records
/// a deterministic split (defaults from raciflow.yaml data.split); the same request returns the same split.
/// </summary>
[GovernedAction(GovernedActions.DataSplit)]
public sealed class DataSplitCommand : RaciflowCommand<DataSplitCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var reference = DatasetRef.Parse(settings.Reference);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var overrides = new SplitOverrides(settings.Train, settings.Validation, settings.Test, settings.Seed, settings.Stratify, settings.NoStratify);
        var recorded = await GovernAsync(
            workspace,
            GovernedActions.DataSplit,
            reference.ToString(),
            _ => new DatasetSplitService(workspace).SplitAsync(reference, overrides, cancellationToken),
            r => $"split {r.Split.Hash[..12]} of {r.Version.Label}",
            cancellationToken);
        var (version, split) = recorded;
        output.Write(new { dataset = version.Label, split }, () =>
        {
            var table = new Table().AddColumns("Part", "Fraction", "Rows");
            table.AddRow("train", $"{split.TrainFraction:0.###}", $"{split.TrainRows:N0}");
            table.AddRow("validation", $"{split.ValidationFraction:0.###}", $"{split.ValidationRows:N0}");
            table.AddRow("test", $"{split.TestFraction:0.###}", $"{split.TestRows:N0}");
            return new Rows(
                new Markup($"Split [bold]{split.Id}[/] of {Markup.Escape(version.Label)}: seed {split.Seed}, {(split.StratifyColumn is null ? "not stratified" : $"stratified by {Markup.Escape(split.StratifyColumn)}")}"),
                table,
                new Markup($"Row indices: {Markup.Escape(split.IndicesKey)} (sha256 {split.Hash[..12]}…)"));
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("NAME, NAME@NUMBER, NAME@latest or NAME@HASHPREFIX.")]
        public string Reference { get; init; } = string.Empty;

        [CommandOption("--train <FRACTION>")]
        [Description("Fraction of rows to train on (default: data.split.train, 0.7).")]
        public double? Train { get; init; }

        [CommandOption("--validation <FRACTION>")]
        [Description("Fraction for validation (default: data.split.validation, 0.15); 0 for none.")]
        public double? Validation { get; init; }

        [CommandOption("--test <FRACTION>")]
        [Description("Fraction held out for testing (default: data.split.test, 0.15).")]
        public double? Test { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the shuffle (default: data.split.seed, 42).")]
        public int? Seed { get; init; }

        [CommandOption("--stratify <COLUMN>")]
        [Description("Keep this column's class proportions in every part (default: the target of a classification project).")]
        public string? Stratify { get; init; }

        [CommandOption("--no-stratify")]
        [Description("Do not stratify, even for a classification target.")]
        public bool NoStratify { get; init; }
    }
}
