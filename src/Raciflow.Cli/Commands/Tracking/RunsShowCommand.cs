using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary><c>raciflow runs show RUN</c>: everything about one run.</summary>
[NotGoverned("read-only")]
public sealed class RunsShowCommand : RaciflowCommand<RunsShowCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var tracking = new TrackingService(workspace);
        var details = await tracking.GetRunAsync(await tracking.ResolveRunIdAsync(settings.Run, cancellationToken), cancellationToken);
        output.Write(details, () => Render(details));
        return 0;
    }

    private static IRenderable Render(RunDetails details)
    {
        var run = details.Run;
        var lineage = details.Lineage;
        var overview = new Grid().AddColumn().AddColumn();
        Row(overview, "Run", $"{run.Id} ({RunFormat.Escape(run.Name)})");
        Row(overview, "Experiment", RunFormat.Escape(run.Experiment));
        Row(overview, "Status", RunFormat.Status(run.Status) + (run.ErrorMessage is null ? "" : " " + RunFormat.Escape(run.ErrorMessage)));
        Row(overview, "Parent", RunFormat.Escape(run.ParentRunId));
        Row(overview, "Started", $"{RunFormat.Time(run.StartTime)} by {RunFormat.Escape(run.StartedBy)}");
        Row(overview, "Ended", $"{RunFormat.Time(run.EndTime)} {RunFormat.Duration(run.DurationSeconds)}");
        Row(overview, "Resources", lineage.CpuSeconds is null ? "" : $"{RunFormat.Duration(lineage.CpuSeconds)} CPU, peak {RunFormat.Bytes(lineage.PeakMemoryBytes)}");
        Row(overview, "Dataset", $"version {lineage.DatasetVersionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, split {lineage.SplitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        Row(overview, "Git", lineage.GitCommit is null ? "" : lineage.GitCommit + (lineage.GitDirty == true ? " [yellow](dirty)[/]" : ""));
        Row(overview, "raciflow.yaml", RunFormat.Escape(lineage.ProjectFileSha256));
        Row(overview, "Command", RunFormat.Escape(lineage.CommandLine));
        Row(overview, "Packages", RunFormat.Escape(string.Join(", ", lineage.PackageVersions.Select(p => $"{p.Key} {p.Value}"))));

        var parts = new List<IRenderable> { new Panel(overview).Header("Run").Border(BoxBorder.Rounded) };
        parts.Add(KeyValues("Params", run.Params.Select(p => (p.Key, p.Value))));
        var metrics = new Table().Border(TableBorder.Rounded).Title("Metrics (latest)").AddColumns("Key", "Value", "Step", "Time");
        foreach (var m in details.LatestMetrics)
        {
            metrics.AddRow(RunFormat.Escape(m.Key), RunFormat.Number(m.Value), m.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), RunFormat.Time(m.Timestamp));
        }

        parts.Add(metrics);
        parts.Add(KeyValues("Tags", run.Tags.Select(t => (t.Key, t.Value))));
        var artifacts = new Table().Border(TableBorder.Rounded).Title("Artifacts").AddColumns("Path", "Size", "SHA-256");
        foreach (var a in details.Artifacts)
        {
            artifacts.AddRow(RunFormat.Escape(a.Path), RunFormat.Bytes(a.Size), a.Sha256[..12] + "…");
        }

        parts.Add(artifacts);
        return new Rows(parts);
    }

    private static Table KeyValues(string title, IEnumerable<(string Key, string Value)> pairs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumns("Key", "Value");
        foreach (var (key, value) in pairs)
        {
            table.AddRow(RunFormat.Escape(key), RunFormat.Escape(value));
        }

        return table;
    }

    private static void Row(Grid grid, string label, string markup) => grid.AddRow(new Markup($"[bold]{label}[/]"), new Markup(markup));

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run id, or its first characters (at least 4).")]
        public string Run { get; init; } = "";
    }
}
