using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow data diff NAME@V1 NAME@V2</c>.</summary>
[NotGoverned("read-only")]
public sealed class DataDiffCommand : RaciflowCommand<DataDiffCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var (from, to) = (DatasetRef.Parse(settings.From), DatasetRef.Parse(settings.To));
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var diff = await new DatasetService(workspace).DiffAsync(from, to, cancellationToken);
        output.Write(diff, () =>
        {
            var lines = new List<string>
            {
                $"[bold]{Markup.Escape(diff.From)}[/] → [bold]{Markup.Escape(diff.To)}[/]: rows {diff.FromRows:N0} → {diff.ToRows:N0} ({diff.ToRows - diff.FromRows:+#,0;-#,0;0})",
            };
            lines.AddRange(diff.AddedColumns.Select(c => $"[green]+ {Markup.Escape(c)}[/]"));
            lines.AddRange(diff.RemovedColumns.Select(c => $"[red]- {Markup.Escape(c)}[/]"));
            lines.AddRange(diff.TypeChanges.Select(c => $"[yellow]~ {Markup.Escape(c.Column)}[/]: {c.From.ToString().ToLowerInvariant()} → {c.To.ToString().ToLowerInvariant()}"));
            var table = new Table().AddColumns("Column", "Statistic", "From", "To");
            foreach (var change in diff.StatisticChanges)
            {
                table.AddRow(Markup.Escape(change.Column), change.Statistic, Format(change.From), Format(change.To));
            }

            return new Rows(new Markup(string.Join('\n', lines) + "\n"), diff.StatisticChanges.Count > 0 ? table : new Markup("No statistic changed.\n"));
        });
        return 0;
    }

    private static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "-";

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<FROM>")]
        [Description("The older version, e.g. NAME@1.")]
        public string From { get; init; } = string.Empty;

        [CommandArgument(1, "<TO>")]
        [Description("The newer version, e.g. NAME@2 or NAME.")]
        public string To { get; init; } = string.Empty;
    }
}
