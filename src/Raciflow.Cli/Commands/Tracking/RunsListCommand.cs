using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary><c>raciflow runs list [--experiment NAME] [--filter EXPR] [--sort EXPR] [--limit N]</c>.</summary>
[NotGoverned("read-only")]
public sealed class RunsListCommand : RaciflowCommand<RunsListCommand.Settings>
{
    private const int MaxMetricColumns = 6;

    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var runs = await new TrackingService(workspace).SearchRunsAsync(
            new RunSearchRequest { Experiments = settings.Experiments, Filter = settings.Filter, OrderBy = settings.Sort, MaxResults = settings.Limit },
            cancellationToken);
        output.Write(new { runs }, () => Render(runs));
        return 0;
    }

    private static Spectre.Console.Rendering.IRenderable Render(IReadOnlyList<RunSummary> runs)
    {
        if (runs.Count == 0)
        {
            return new Markup("[grey]No runs match.[/]");
        }

        var metricKeys = runs.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).Take(MaxMetricColumns).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Run", "Name", "Experiment", "Status", "Started", "Duration");
        foreach (var key in metricKeys)
        {
            table.AddColumn(new TableColumn(RunFormat.Escape(key)).RightAligned());
        }

        foreach (var run in runs)
        {
            var name = run.ParentRunId is null ? RunFormat.Escape(run.Name) : "└ " + RunFormat.Escape(run.Name);
            var cells = new List<string> { RunFormat.ShortId(run.Id), name, RunFormat.Escape(run.Experiment), RunFormat.Status(run.Status), RunFormat.Time(run.StartTime), RunFormat.Duration(run.DurationSeconds) };
            cells.AddRange(metricKeys.Select(k => run.Metrics.TryGetValue(k, out var v) ? RunFormat.Number(v) : ""));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("-e|--experiment <NAME>")]
        [Description("Only runs of this experiment (repeat for several).")]
        public string[]? Experiments { get; init; }

        [CommandOption("-f|--filter <EXPR>")]
        [Description("Filter, e.g. \"metrics.r2 > 0.8 and params.algorithm = 'lasso' and status = 'finished'\".")]
        public string? Filter { get; init; }

        [CommandOption("-s|--sort <EXPR>")]
        [Description("Order, e.g. \"metrics.r2 desc\" or \"start_time\" (default: newest first).")]
        public string? Sort { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most N runs (default 50).")]
        [DefaultValue(50)]
        public int Limit { get; init; } = 50;
    }
}
