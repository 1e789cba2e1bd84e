using Microsoft.AspNetCore.Http;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;

namespace Raciflow.Server.Web.Pages;

/// <summary>/raci: the matrix (tasks × roles) with the findings of 'raciflow raci validate' and their suggested fixes.</summary>
internal static class RaciPage
{
    public static async Task<IResult> Get(HttpContext http)
    {
        var web = WebRequest.Of(http);
        var project = web.Workspace.RequireProject();
        var matrix = RaciMatrix.Parse(project.Raci, web.Workspace.ProjectFile, out _);
        var report = RaciValidator.Validate(project, await RoleHolders.EnrolledAsync(web.Workspace, web.Aborted));
        var findings = report.Findings.Concat(ApprovalGates.Problems(project).Select(p => new RaciFinding("gates", p, "Use an action from docs/actions.md."))).ToList();

        var header = Html.Join(Roles.All.Select(r => Html.Of($"<th title=\"{r.Title}\">{r.Abbreviation}</th>")));
        var rows = Html.Join(matrix.Tasks.Select(task => Html.Of($"<tr><th scope=\"row\">{task}</th>{Html.Join(Roles.All.Select(r => Cell(matrix.Get(task, r.Name))))}</tr>")));
        var legend = string.Join(" · ", Roles.All.Select(r => $"{r.Abbreviation} = {r.Name}"));
        return web.Page("RACI matrix", Html.Of($"""
            {Findings(findings)}
            <table class="raci" id="raci-matrix">
            <thead><tr><th>Task</th>{header}</tr></thead>
            <tbody>{rows}</tbody>
            </table>
            <p class="muted">{legend}. R = Responsible (does the work), A = Accountable (signs off, approves; exactly one per task), C = Consulted, I = Informed.</p>
            <p class="muted">Change a cell with <code>raciflow raci set TASK ROLE LETTERS</code>: the Accountable of problem-definition applies it, anyone else who is R for problem-definition asks them for approval.</p>
            """));
    }

    private static Html Cell(RaciAssignment assignment)
    {
        var css = assignment.HasFlag(RaciAssignment.Accountable) ? "cell a" : assignment.HasFlag(RaciAssignment.Responsible) ? "cell r" : "cell";
        return Html.Of($"<td class=\"{css}\">{assignment.Letters()}</td>");
    }

    private static Html Findings(IReadOnlyList<RaciFinding> findings) => findings.Count == 0
        ? Html.Raw("<p class=\"notice ok\" id=\"raci-valid\">The matrix is valid: every task has exactly one Accountable and at least one Responsible, and every role is held.</p>")
        : Html.Of($"""
            <div class="notice warn" id="raci-findings">
            <strong>{findings.Count} warning(s): this matrix cannot be fully enforced.</strong>
            <ul class="findings">{Html.Join(findings.Select(f => Html.Of($"<li><code>{f.Key}</code>: {f.Problem.TrimEnd('.')}. Suggested fix: {f.Fix}</li>")))}</ul>
            </div>
            """);
}
