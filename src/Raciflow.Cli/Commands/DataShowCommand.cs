using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow data show NAME[@VERSION]</c>: the version, its schema and its column statistics.</summary>
[NotGoverned("read-only")]
public sealed class DataShowCommand : RaciflowCommand<DataShowCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var reference = DatasetRef.Parse(settings.Reference);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var service = new DatasetService(workspace);
        var version = await service.ResolveAsync(reference, cancellationToken);
        var schema = service.GetSchema(version);
        var statistics = service.GetStatistics(version);
        output.Write(new { version = DatasetVersionView.Of(version), schema = schema.Columns, statistics }, () => Render(version, schema, statistics));
        return 0;
    }

    private static Rows Render(DatasetVersion v, DatasetSchema schema, IReadOnlyList<ColumnStatistics> statistics)
    {
        var table = new Table().AddColumns("Column", "Type", "Missing", "Invalid", "Distinct", "Min", "Mean", "Median", "Max", "Top values");
        foreach (var column in schema.Columns)
        {
            var s = statistics.FirstOrDefault(x => x.Name == column.Name);
            table.AddRow(
                Markup.Escape(column.Name),
                column.Type.ToString().ToLowerInvariant() + (column.Nullable ? "?" : string.Empty),
                s is null ? "-" : s.Missing.ToString("N0", CultureInfo.InvariantCulture),
                s?.Invalid > 0 ? $"[red]{s.Invalid:N0}[/] (line {s.InvalidExamples[0].Line}: {Markup.Escape(s.InvalidExamples[0].Value)})" : "0",
                s is null ? "-" : s.Distinct.ToString("N0", CultureInfo.InvariantCulture) + (s.DistinctCapped ? "+" : string.Empty),
                Number(s?.Min) ?? Date(s?.MinDate),
                Number(s?.Mean) ?? "-",
                Number(s?.Median) ?? "-",
                Number(s?.Max) ?? Date(s?.MaxDate),
                Markup.Escape(string.Join(", ", (s?.TopValues ?? []).Take(2).Select(t => $"{t.Value} ({t.Count:N0})"))));
        }

        IRenderable header = new Markup(
            $"[bold]{Markup.Escape(v.Label)}[/]  {v.Hash}\n{v.RowCount:N0} rows × {v.ColumnCount} columns, from {Markup.Escape(v.SourceName)} ({v.SourceFormat}, {v.SizeBytes:N0} bytes), " +
            $"added {v.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {Markup.Escape(v.CreatedBy)}\n");
        return new Rows(header, table);
    }

    private static string? Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture);

    private static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("NAME, NAME@NUMBER, NAME@latest or NAME@HASHPREFIX.")]
        public string Reference { get; init; } = string.Empty;
    }
}
