using Microsoft.AspNetCore.Http;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Raci;

namespace Raciflow.Server.Web.Pages;

/// <summary>/my-tasks: what the signed-in member is R, A, C and I for, and the pending approvals waiting on them.</summary>
internal static class MyTasksPage
{
    public static async Task<IResult> Get(HttpContext http)
    {
        var web = WebRequest.Of(http);
        var matrix = RaciMatrix.Parse(web.Workspace.RequireProject().Raci, web.Workspace.ProjectFile, out _);
        var pending = await web.Governance.Approvals.ListAsync(ApprovalStatus.Pending, 200, web.Aborted);
        var view = web.User.SingleUserMode ? null : MemberRaciView.Create(matrix, new RoleHolder(web.User.Name!, web.User.Roles));

        var toDecide = pending.Where(r => WebMatrix.Holds(web, r.Task, RaciAssignment.Accountable)).ToList();
        var toAnswer = pending.Where(r => !toDecide.Contains(r) && WebMatrix.Holds(web, r.Task, RaciAssignment.Consulted)).ToList();
        var body = Html.Of($"""
            {(view is null ? Html.Of($"<p class=\"notice ok\">Single-user mode: {web.User.Name} may do everything; the matrix applies once members are enrolled.</p>") : Roles(view))}
            <h2>Approvals you decide (you are Accountable)</h2>{Requests(toDecide, "to-decide")}
            <h2>Approvals you are consulted on</h2>{Requests(toAnswer, "to-answer")}
            """);
        return web.Page("My tasks", body);
    }

    private static Html Roles(MemberRaciView view) => Html.Of($"""
        <p>{view.Name} holds {string.Join(", ", view.Roles)}.</p>
        <table id="my-raci">
        <tr><th>Responsible (does the work)</th><td>{Tasks(view.Responsible)}</td></tr>
        <tr><th>Accountable (signs off, approves)</th><td>{Tasks(view.Accountable)}</td></tr>
        <tr><th>Consulted (asked)</th><td>{Tasks(view.Consulted)}</td></tr>
        <tr><th>Informed (told)</th><td>{Tasks(view.Informed)}</td></tr>
        </table>
        """);

    private static string Tasks(IReadOnlyList<string> tasks) => tasks.Count == 0 ? "none" : string.Join(", ", tasks);

    private static Html Requests(IReadOnlyList<ApprovalRequest> requests, string id) => requests.Count == 0
        ? Html.Raw("<p class=\"muted\">Nothing waiting.</p>")
        : Html.Of($"<ul id=\"{id}\">{Html.Join(requests.Select(r => Html.Of($"<li><a href=\"/approvals/{r.Id}\">#{r.Id}</a> {r.Action} {r.Target} ({r.Task}), asked by {r.RequestedBy}</li>")))}</ul>");
}
