using System.Globalization;
using Raciflow.Cli.Commands.Tracking;
using Raciflow.Monitoring.Alerts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary>How alerts look in the terminal.</summary>
internal static class AlertView
{
    public static IRenderable Table(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return new Markup("No alerts.\n");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Model", "Rule", "Status", "Message", "Opened", "Seen", "By");
        foreach (var a in alerts)
        {
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(a.Version is { } v ? $"{a.Model}@{v}" : a.Model),
                Markup.Escape(a.Rule),
                Status(a.Status),
                Markup.Escape(a.Message),
                RunFormat.Time(a.OpenedAt),
                $"{RunFormat.Time(a.LastSeenAt)} ×{a.Occurrences}",
                Markup.Escape(a.ResolvedBy ?? a.AcknowledgedBy ?? string.Empty));
        }

        return table;
    }

    public static IRenderable Line(string verb, Alert alert) =>
        new Markup($"[green]{verb}[/] alert {alert.Id} ({Markup.Escape(alert.Model)} {Markup.Escape(alert.Rule)}): {Status(alert.Status)}\n");

    private static string Status(string status) => status switch
    {
        AlertStatus.Open => "[red]open[/]",
        AlertStatus.Acknowledged => "[yellow]acknowledged[/]",
        _ => "[green]resolved[/]",
    };
}
