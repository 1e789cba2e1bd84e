using Raciflow.Cli.Rendering;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow raci validate</c>: exit 0 when the matrix can be enforced, 3 (unprocessable) with findings when not.</summary>
[NotGoverned("reads the matrix")]
public sealed class RaciValidateCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var project = workspace.RequireProject();
        var report = RaciValidator.Validate(project, await RoleHolders.EnrolledAsync(workspace, cancellationToken));
        var gateProblems = ApprovalGates.Problems(project).Select(p => new RaciFinding(p[..p.IndexOf(':', StringComparison.Ordinal)], p[(p.IndexOf(':', StringComparison.Ordinal) + 2)..], "Use an action from docs/actions.md."));
        report = new RaciValidationReport([.. report.Findings, .. gateProblems]);
        output.Write(new { valid = report.IsValid, findings = report.Findings }, () =>
        {
            if (report.IsValid)
            {
                return GovernanceCli.Line($"[green]The RACI matrix of {Markup.Escape(workspace.ProjectFile)} is valid.[/]");
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[red]{report.Findings.Count} finding(s)[/]").AddColumn("Key").AddColumn("Problem").AddColumn("Suggested fix");
            foreach (var f in report.Findings)
            {
                table.AddRow(Markup.Escape(f.Key), Markup.Escape(f.Problem), Markup.Escape(f.Fix));
            }

            return table;
        });
        return report.IsValid ? 0 : ErrorKind.Unprocessable.ExitCode();
    }
}
