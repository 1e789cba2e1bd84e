using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Data;
using Spectre.Console;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow data list</c>.</summary>
[NotGoverned("read-only")]
public sealed class DataListCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var datasets = await new DatasetService(workspace).ListAsync(cancellationToken);
        var views = datasets.Select(d => new
        {
            name = d.Dataset.Name,
            versions = d.VersionCount,
            latest = d.Latest is null ? null : DatasetVersionView.Of(d.Latest),
        }).ToList();
        output.Write(new { datasets = views }, () =>
        {
            if (datasets.Count == 0)
            {
                return new Markup("No datasets yet; add one with [bold]raciflow data add FILE --name NAME[/].\n");
            }

            var table = new Table().AddColumns("Dataset", "Versions", "Latest", "Hash", "Rows", "Columns", "Added", "By");
            foreach (var d in datasets)
            {
                var v = d.Latest;
                table.AddRow(
                    Markup.Escape(d.Dataset.Name),
                    d.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    v is null ? "-" : v.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    v?.Hash[..12] ?? "-",
                    v?.RowCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    v?.ColumnCount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    v?.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(v?.CreatedBy ?? "-"));
            }

            return table;
        });
        return 0;
    }
}
