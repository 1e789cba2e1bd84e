using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow raci show [--member NAME]</c>.</summary>
[NotGoverned("reads the matrix")]
public sealed class RaciShowCommand : RaciflowCommand<RaciShowCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var project = workspace.RequireProject();
        var matrix = RaciMatrix.Parse(project.Raci, workspace.ProjectFile);
        if (settings.Member is { } name)
        {
            var view = MemberRaciView.Create(matrix, await RoleHolders.FindAsync(workspace, MemberName.Validate(name, "--member"), cancellationToken));
            output.Write(view, () => RenderView(view));
            return 0;
        }

        var rows = matrix.Tasks.ToDictionary(t => t, t => Roles.All.Where(r => matrix.Get(t, r.Name) != RaciAssignment.None).ToDictionary(r => r.Name, r => matrix.Get(t, r.Name).Letters()));
        output.Write(new { raci = rows }, () => RenderMatrix(matrix));
        return 0;
    }

    private static Table RenderMatrix(RaciMatrix matrix)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("RACI matrix").AddColumn("Task");
        foreach (var role in Roles.All)
        {
            table.AddColumn(new TableColumn(role.Abbreviation).Centered());
        }

        foreach (var task in matrix.Tasks)
        {
            var cells = new List<string> { task };
            cells.AddRange(Roles.All.Select(r => Cell(matrix.Get(task, r.Name))));
            table.AddRow(cells.ToArray());
        }

        table.Caption(string.Join("  ", Roles.All.Select(r => $"{r.Abbreviation}={r.Name}")));
        return table;
    }

    private static string Cell(RaciAssignment a) => a switch
    {
        RaciAssignment.None => "[grey]·[/]",
        _ when a.HasFlag(RaciAssignment.Accountable) => $"[bold yellow]{a.Letters()}[/]",
        _ when a.HasFlag(RaciAssignment.Responsible) => $"[green]{a.Letters()}[/]",
        _ => a.Letters(),
    };

    private static Table RenderView(MemberRaciView view)
    {
        static string List(IReadOnlyList<string> tasks) => tasks.Count == 0 ? "[grey]none[/]" : Markup.Escape(string.Join(", ", tasks));
        return new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(view.Name)} ({Markup.Escape(string.Join(", ", view.Roles))})")
            .AddColumn("As").AddColumn("Tasks")
            .AddRow("[green]Responsible[/] (does the work)", List(view.Responsible))
            .AddRow("[yellow]Accountable[/] (signs off, approves)", List(view.Accountable))
            .AddRow("Consulted (asked)", List(view.Consulted))
            .AddRow("Informed (told)", List(view.Informed));
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--member <NAME>")]
        [Description("Show what this member is R, A, C and I for.")]
        public string? Member { get; init; }
    }
}
