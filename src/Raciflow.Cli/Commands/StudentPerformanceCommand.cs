using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Cli.Examples;
using Raciflow.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary><c>raciflow examples student-performance --out FILE [--rows N] [--seed S]</c>.</summary>
[NotGoverned("writes a local example file; no workspace state changes")]
public sealed class StudentPerformanceCommand : RaciflowCommand<StudentPerformanceCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        if (settings.Rows <= 0)
        {
            throw RaciflowException.Invalid($"--rows must be positive; got {settings.Rows}.", "--rows");
        }

        var path = Path.GetFullPath(settings.Out);
        await AtomicFile.WriteAllTextAsync(path, StudentPerformanceGenerator.GenerateCsv(settings.Rows, settings.Seed), cancellationToken);
        var result = new { path, rows = settings.Rows, seed = settings.Seed };
        output.Write(result, () => new Markup($"Wrote {settings.Rows} students to {Markup.Escape(path)} (seed {settings.Seed})"));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("CSV file to write.")]
        public string Out { get; init; } = "students.csv";

        [CommandOption("--rows <N>")]
        [DefaultValue(1000)]
        public int Rows { get; init; } = 1000;

        [CommandOption("--seed <SEED>")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;
    }
}
