using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Data;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow lineage MODEL@VERSION</c> (down to the source file) or <c>raciflow lineage --dataset NAME@V</c> (up to the models).</summary>
[NotGoverned("read-only")]
public sealed class LineageCommand : RaciflowCommand<LineageCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var lineage = new LineageService(workspace);
        if (settings.Dataset is { } dataset)
        {
            var up = await lineage.ForDatasetAsync(DatasetRef.Parse(dataset), cancellationToken);
            output.Write(up, () =>
            {
                var tree = new Tree($"[bold]dataset {Markup.Escape(up.Dataset.Label)}[/] (source {up.Dataset.SourceSha256[..12]}…)");
                foreach (var run in up.Runs)
                {
                    var node = tree.AddNode($"run {run.Id} {Markup.Escape(run.Name)} [dim]({Markup.Escape(run.Experiment)}, {run.Status})[/]");
                    foreach (var v in up.ModelVersions.Where(m => m.RunId == run.Id))
                    {
                        node.AddNode($"[green]model {Markup.Escape(v.Label)}[/]{(v.Aliases.Count > 0 ? " (" + Markup.Escape(string.Join(", ", v.Aliases)) + ")" : string.Empty)}");
                    }
                }

                return tree;
            });
            return 0;
        }

        var down = await lineage.ForModelAsync(ModelRef.Parse(settings.Model ?? string.Empty), cancellationToken);
        output.Write(down, () =>
        {
            var tree = new Tree($"[bold green]model {Markup.Escape(down.Version.Label)}[/] ({Markup.Escape(down.Version.Algorithm)}, bundle {down.Version.BundleSha256[..12]}…)");
            var run = tree.AddNode($"run {down.Run.Id} {Markup.Escape(down.Run.Name)} [dim](by {Markup.Escape(down.Run.StartedBy)}{(down.Run.GitCommit is { } c ? ", git " + c[..Math.Min(12, c.Length)] : string.Empty)})[/]");
            if (down.ParentRun is { } parent)
            {
                run.AddNode($"job {parent.Id} {Markup.Escape(parent.Name)}");
            }

            if (down.Dataset is { } d)
            {
                var data = run.AddNode($"dataset {Markup.Escape(d.Label)} ({d.Rows:N0} rows)");
                data.AddNode($"source {Markup.Escape(d.SourceName)} sha256 {d.SourceSha256}");
                if (down.Split is { } s)
                {
                    data.AddNode($"split {s.Id}: {s.TrainRows}/{s.ValidationRows}/{s.TestRows} rows, seed {s.Seed}");
                }
            }

            return tree;
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[MODEL]")]
        [Description("MODEL@VERSION or MODEL@ALIAS.")]
        public string? Model { get; init; }

        [CommandOption("--dataset <NAME@VERSION>")]
        [Description("Show what was built on this dataset version instead.")]
        public string? Dataset { get; init; }

        public override ValidationResult Validate() =>
            Model is null == Dataset is null ? ValidationResult.Error("Give either MODEL@VERSION or --dataset NAME@VERSION.") : ValidationResult.Success();
    }
}
