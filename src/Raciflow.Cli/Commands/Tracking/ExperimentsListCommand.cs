using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary><c>raciflow experiments list [--name TEXT]</c>.</summary>
[NotGoverned("read-only")]
public sealed class ExperimentsListCommand : RaciflowCommand<ExperimentsListCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var experiments = await new TrackingService(workspace).ListExperimentsAsync(settings.Name, cancellationToken);
        output.Write(new { experiments }, () =>
        {
            if (experiments.Count == 0)
            {
                return new Markup("[grey]No experiments yet; training runs create them.[/]");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Name", "Runs", "Created", "By", "Tags");
            foreach (var e in experiments)
            {
                table.AddRow(
                    RunFormat.Escape(e.Name),
                    e.RunCount.ToString(CultureInfo.InvariantCulture),
                    RunFormat.Time(e.CreatedAt),
                    RunFormat.Escape(e.CreatedBy),
                    RunFormat.Escape(string.Join(", ", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
            }

            return table;
        });
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--name <TEXT>")]
        [Description("Only experiments whose name contains TEXT (any case).")]
        public string? Name { get; init; }
    }
}
