using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary><c>raciflow runs compare RUN RUN…</c>: params and latest metrics side by side, differing params highlighted.</summary>
[NotGoverned("read-only")]
public sealed class RunsCompareCommand : RaciflowCommand<RunsCompareCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var tracking = new TrackingService(workspace);
        var ids = new List<string>();
        foreach (var run in settings.Runs)
        {
            ids.Add(await tracking.ResolveRunIdAsync(run, cancellationToken));
        }

        var comparison = await tracking.CompareRunsAsync(ids, cancellationToken);
        output.Write(comparison, () => Render(comparison));
        return 0;
    }

    private static Table Render(RunComparison comparison)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var run in comparison.Runs)
        {
            table.AddColumn(new TableColumn($"{RunFormat.ShortId(run.Id)}\n{RunFormat.Escape(run.Name)}").RightAligned());
        }

        table.AddRow([new Markup("[bold]status[/]"), .. comparison.Runs.Select(r => new Markup(RunFormat.Status(r.Status)))]);
        foreach (var row in comparison.Params)
        {
            var style = row.Differs ? "yellow" : "default";
            table.AddRow([new Markup($"[{style}]params.{RunFormat.Escape(row.Key)}[/]"), .. row.Values.Select(v => new Markup($"[{style}]{RunFormat.Escape(v ?? "-")}[/]"))]);
        }

        foreach (var row in comparison.Metrics)
        {
            table.AddRow([new Markup($"metrics.{RunFormat.Escape(row.Key)}"), .. row.Values.Select(v => new Markup(v is null ? "-" : RunFormat.Number(v.Value)))]);
        }

        return table;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<RUNS>")]
        [Description("Two or more run ids (or their first characters).")]
        public string[] Runs { get; init; } = [];

        public override ValidationResult Validate() =>
            Runs.Length < 2 ? ValidationResult.Error("Name at least two runs to compare.") : ValidationResult.Success();
    }
}
