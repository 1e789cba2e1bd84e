using Raciflow.Cli.Commands.Training;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Spectre.Console;

namespace Raciflow.Cli.Commands;

/// <summary>The quickstart's summary: leaderboard and KPI verdict, the audit trail, the tokens and what to open.</summary>
internal static class QuickstartView
{
    public static void Render(IAnsiConsole console, QuickstartResult result)
    {
        console.WriteLine();
        console.Write(TrainingReportView.Render(result.Training));
        console.WriteLine();

        var audit = new Table().Border(TableBorder.Rounded).Title("Audit trail (hash-chained)");
        audit.AddColumns("#", "actor", "role", "task", "action", "target", "outcome");
        foreach (var e in result.Audit.OrderBy(e => e.Sequence))
        {
            audit.AddRow(
                e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.Actor),
                Markup.Escape(e.Role ?? "–"),
                Markup.Escape(e.Task),
                Markup.Escape(e.Action),
                Markup.Escape(e.Target ?? string.Empty),
                Markup.Escape(e.Outcome));
        }

        console.Write(audit);
        console.MarkupLine(result.AuditIntact ? "[green]Audit chain verified intact.[/]" : "[red]Audit chain is broken.[/]");
        console.WriteLine();

        var tokens = new Table().Border(TableBorder.Rounded).Title("API tokens created for the example's members (shown once)");
        tokens.AddColumns("member", "token");
        foreach (var (member, token) in result.Tokens)
        {
            tokens.AddRow(Markup.Escape(member), Markup.Escape(token));
        }

        console.Write(tokens);
        console.MarkupLine($"Act as a member: [bold]export RACIFLOW_TOKEN=<token>[/] and run commands with [bold]-C {Markup.Escape(result.Directory)}[/].");
        console.MarkupLine($"Open the EDA report: [bold]{Markup.Escape(result.ProfileReport)}[/]");
        console.MarkupLine($"Inspect the best run: [bold]./raciflow runs show {Markup.Escape(result.Training.Best.RunId)} -C {Markup.Escape(result.Directory)}[/]");
        console.WriteLine();
    }
}
