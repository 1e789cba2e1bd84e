using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Training;

/// <summary>The leaderboard and KPI verdict as people read them.</summary>
internal static class TrainingReportView
{
    public static IRenderable Render(TrainingReport report)
    {
        var metric = report.PrimaryMetric;
        var table = new Table().Border(TableBorder.Rounded).Title($"Leaderboard: {Markup.Escape(report.Dataset)} → {Markup.Escape(report.Target)} ({report.Task.ToString().ToLowerInvariant()})");
        table.AddColumn("#");
        table.AddColumn("algorithm");
        table.AddColumn(new TableColumn($"cv {Markup.Escape(metric)}").RightAligned());
        table.AddColumn(new TableColumn($"validation {Markup.Escape(metric)}").RightAligned());
        table.AddColumn(new TableColumn($"test {Markup.Escape(metric)}").RightAligned());
        table.AddColumn(new TableColumn("trials").RightAligned());
        table.AddColumn(new TableColumn("seconds").RightAligned());
        table.AddColumn("run");
        foreach (var e in report.Leaderboard)
        {
            var style = e.Rank == 1 ? "bold green" : "default";
            table.AddRow(
                new Markup(e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup($"[{style}]{Markup.Escape(e.Algorithm)}[/]"),
                new Markup(TrainCommand.Format(e.CvScore)),
                new Markup(TrainCommand.Format(e.ValidationScore)),
                new Markup(TrainCommand.Format(e.TestScore)),
                new Markup(e.Trials.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(e.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
                new Markup($"[grey]{Markup.Escape(e.RunId[..Math.Min(8, e.RunId.Length)])}[/]"));
        }

        var rows = new List<IRenderable> { table };
        foreach (var k in report.Kpis)
        {
            rows.Add(new Markup($"KPI {Markup.Escape(k.Rule)}: {(k.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")} (best test {Markup.Escape(k.Metric)} = {TrainCommand.Format(k.Actual)})"));
        }

        if (report.Kpis.Count == 0)
        {
            rows.Add(new Markup("[grey]No KPIs declared in raciflow.yaml (problem.kpis).[/]"));
        }

        rows.Add(new Markup($"Best: [bold]{Markup.Escape(report.Best.Algorithm)}[/] (run {Markup.Escape(report.Best.RunId)}); all runs under run {Markup.Escape(report.ParentRunId)} in experiment '{Markup.Escape(report.Experiment)}'."));
        rows.Add(new Markup($"Next: [bold]raciflow runs show {Markup.Escape(report.Best.RunId)}[/]"));
        return new Rows(rows);
    }
}
