using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Commands.Tracking;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow models show MODEL[@VERSION|@ALIAS] [--card]</c>.</summary>
[NotGoverned("read-only")]
public sealed class ModelsShowCommand : RaciflowCommand<ModelsShowCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var lineage = await new LineageService(workspace).ForModelAsync(ModelRef.Parse(settings.Model), cancellationToken);
        if (settings.Card)
        {
            var card = ModelCard.Render(lineage, workspace.Project);
            if (output.Json)
            {
                output.WriteJson(new { model = lineage.Version.Label, markdown = card });
            }
            else
            {
                System.Console.Out.Write(card);
            }

            return 0;
        }

        var history = await new ModelRegistry(workspace).AliasHistoryAsync(lineage.Version.Model, cancellationToken: cancellationToken);
        output.Write(new { version = lineage.Version, lineage, aliasHistory = history }, () => Render(lineage, history));
        return 0;
    }

    private static IRenderable Render(ModelLineage lineage, IReadOnlyList<AliasHistoryEntry> history)
    {
        var v = lineage.Version;
        var grid = new Grid().AddColumn().AddColumn();
        Row(grid, "Version", $"{Markup.Escape(v.Label)}{(v.Aliases.Count > 0 ? " [green](" + Markup.Escape(string.Join(", ", v.Aliases)) + ")[/]" : string.Empty)}");
        Row(grid, "Algorithm", $"{Markup.Escape(v.Algorithm)}, {v.Task.ToString().ToLowerInvariant()} on {Markup.Escape(v.Target)}");
        Row(grid, "Run", $"{v.RunId} ({Markup.Escape(lineage.Run.Name)})");
        Row(grid, "Dataset", Markup.Escape(lineage.Dataset is { } d ? $"{d.Label} (source {d.SourceSha256[..12]}…, {d.SourceName})" : "-"));
        Row(grid, "Bundle", $"{v.BundleSha256[..12]}… ({RunFormat.Bytes(v.BundleSize)})");
        Row(grid, "Registered", $"{RunFormat.Time(v.CreatedAt)} by {Markup.Escape(v.CreatedBy)}");

        var metrics = new Table().Border(TableBorder.Rounded).Title("Metrics").AddColumns("Metric", "Value");
        foreach (var (key, value) in v.Metrics.Where(m => !m.Key.StartsWith("trial_", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics.AddRow(Markup.Escape(key), RunFormat.Number(value));
        }

        var inputs = new Table().Border(TableBorder.Rounded).Title("Signature").AddColumns("Input", "Type", "Nulls", "Seen in training");
        foreach (var f in v.Signature.Inputs)
        {
            var seen = f.Categories is { } c ? string.Join(", ", c.Take(8)) + (c.Count > 8 ? ", …" : string.Empty)
                : f.Min is { } min ? $"{min.ToString("G6", CultureInfo.InvariantCulture)} … {f.Max!.Value.ToString("G6", CultureInfo.InvariantCulture)}" : string.Empty;
            inputs.AddRow(Markup.Escape(f.Name), f.Type.ToString().ToLowerInvariant(), f.Nullable ? "yes" : "no", Markup.Escape(seen));
        }

        return new Rows(new Panel(grid).Header("Model version").Border(BoxBorder.Rounded), metrics, inputs, AliasHistoryTable.Render(history, "Alias history"));
    }

    internal static string Version(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static void Row(Grid grid, string label, string markup) => grid.AddRow(new Markup($"[bold]{label}[/]"), new Markup(markup));

    public sealed class Settings : ModelArgumentSettings
    {
        [CommandOption("--card")]
        [Description("Print the model card (Markdown) instead.")]
        public bool Card { get; init; }
    }
}
