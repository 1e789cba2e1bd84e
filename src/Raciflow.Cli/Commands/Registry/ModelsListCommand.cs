using Raciflow.Cli.Commands.Tracking;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Registry;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Registry;

/// <summary><c>raciflow models list</c>.</summary>
[NotGoverned("read-only")]
public sealed class ModelsListCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var models = await new ModelRegistry(workspace).ListAsync(cancellationToken);
        output.Write(models, () =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Model", "Latest", "Versions", "Aliases", "Created");
            foreach (var m in models)
            {
                table.AddRow(
                    Markup.Escape(m.Name),
                    m.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    m.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", m.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}→{a.Value}"))),
                    $"{RunFormat.Time(m.CreatedAt)} by {Markup.Escape(m.CreatedBy)}");
            }

            return models.Count == 0 ? new Markup("No models registered yet: raciflow models register RUN --name MODEL\n") : table;
        });
        return 0;
    }
}
