using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Raci;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /approvals and /approvals/{id}: requests with their evidence and comments; a comment form for the task's C, R
/// and A; approve and reject buttons only for its Accountable. The POSTs call the same <see cref="ApprovalService"/>
/// as the API and the CLI, so a hand-made approve by anyone else is refused (403) and audited.
/// </summary>
internal static class ApprovalsPage
{
    private const RaciAssignment Commenters = RaciAssignment.Consulted | RaciAssignment.Responsible | RaciAssignment.Accountable;

    public static async Task<IResult> List(string? status, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var requests = await web.Governance.Approvals.ListAsync(status, 200, web.Aborted);
        var filters = Html.Join(new[] { (string?)null, ApprovalStatus.Pending, ApprovalStatus.Approved, ApprovalStatus.Rejected }
            .Select(s => Html.Of($"<a href=\"/approvals{(s is null ? string.Empty : "?status=" + s)}\">{s ?? "all"}</a> ")));
        var rows = Html.Join(requests.Select(r => Html.Of($"""
            <tr><td><a href="/approvals/{r.Id}">#{r.Id}</a></td><td><span class="status {r.Status}">{r.Status}</span></td><td>{r.Action}</td><td>{r.Target}</td>
            <td>{r.Task}</td><td>{r.RequestedBy}</td><td>{r.RequestedAt:yyyy-MM-dd HH:mm}</td><td>{r.DecidedBy}</td></tr>
            """)));
        return web.Page("Approvals", Html.Of($"""
            <p>Show: {filters}</p>
            {(requests.Count == 0 ? Html.Raw("<p class=\"muted\">No approval requests.</p>") : Html.Of($"""
                <table id="approvals"><thead><tr><th>Id</th><th>Status</th><th>Action</th><th>Target</th><th>Task</th><th>Requested by</th><th>At (UTC)</th><th>Decided by</th></tr></thead>
                <tbody>{rows}</tbody></table>
                """))}
            """));
    }

    public static async Task<IResult> Detail(long id, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var r = await web.Governance.Approvals.GetAsync(id, web.Aborted);
        var pending = r.Status == ApprovalStatus.Pending;
        var comments = r.Comments.Count == 0
            ? Html.Raw("<p class=\"muted\">No comments yet.</p>")
            : Html.Of($"<ul id=\"comments\">{Html.Join(r.Comments.Select(c => Html.Of($"<li><strong>{c.Author}</strong> ({c.Role}, {c.CreatedAt:yyyy-MM-dd HH:mm}): {c.Text}</li>")))}</ul>");
        var commentForm = Html.When(pending && WebMatrix.Holds(web, r.Task, Commenters), Html.Of($"""
            <form method="post" action="/approvals/{r.Id}/comment" class="stack" id="comment-form">
            {web.AntiforgeryField()}
            <label>Your comment <textarea name="text" rows="3" required></textarea></label>
            <button type="submit">Comment</button>
            </form>
            """));
        var decision = Html.When(pending && WebMatrix.Holds(web, r.Task, RaciAssignment.Accountable), Html.Of($"""
            <h2>Decision</h2>
            <form method="post" action="/approvals/{r.Id}/approve" class="stack" id="decision-form">
            {web.AntiforgeryField()}
            <label>Comment kept with the decision (optional) <input type="text" name="comment"></label>
            <div><button type="submit" class="approve" id="approve">Approve</button>
            <button type="submit" class="reject" id="reject" formaction="/approvals/{r.Id}/reject">Reject</button></div>
            </form>
            """));
        var waiting = Html.When(pending && !WebMatrix.Holds(web, r.Task, RaciAssignment.Accountable),
            Html.Of($"<p class=\"muted\" id=\"not-accountable\">Only the Accountable of {r.Task} approves or rejects this request.</p>"));
        return web.Page($"Approval #{r.Id}", Html.Of($"""
            <table id="approval">
            <tr><th>Status</th><td><span class="status {r.Status}" id="approval-status">{r.Status}</span></td></tr>
            <tr><th>Action</th><td>{r.Action}</td></tr>
            <tr><th>Target</th><td>{r.Target}</td></tr>
            <tr><th>Task</th><td>{r.Task} (its Accountable decides)</td></tr>
            <tr><th>Requested</th><td>by {r.RequestedBy} at {r.RequestedAt:yyyy-MM-dd HH:mm} UTC</td></tr>
            <tr><th>Consulted</th><td>{(r.ConsultedRoles.Length == 0 ? "none" : r.ConsultedRoles)}{(r.RequireConsulted ? " (each must comment before the decision)" : string.Empty)}</td></tr>
            <tr><th>Decided</th><td>{(r.DecidedBy is null ? "not yet" : $"{r.Status} by {r.DecidedBy} at {r.DecidedAt:yyyy-MM-dd HH:mm} UTC{(r.DecisionComment is null ? string.Empty : ": " + r.DecisionComment)}")}</td></tr>
            </table>
            <h2>Arguments</h2><pre>{Pretty(r.ArgumentsJson)}</pre>
            <h2>Evidence</h2>{(r.EvidenceJson is null ? Html.Raw("<p class=\"muted\">None supplied.</p>") : Html.Of($"<pre id=\"evidence\">{Pretty(r.EvidenceJson)}</pre>"))}
            <h2>Comments</h2>{comments}{commentForm}
            {decision}{waiting}
            """));
    }

    public static async Task<IResult> Comment(long id, [FromForm] string? text, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await web.Governance.Approvals.CommentAsync(id, text ?? string.Empty, web.Aborted);
        return Results.Redirect($"/approvals/{id}");
    }

    public static async Task<IResult> Approve(long id, [FromForm] string? comment, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await web.Governance.Approvals.ApproveAsync(id, Blank(comment), web.Aborted);
        return Results.Redirect($"/approvals/{id}");
    }

    public static async Task<IResult> Reject(long id, [FromForm] string? comment, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await web.Governance.Approvals.RejectAsync(id, Blank(comment), web.Aborted);
        return Results.Redirect($"/approvals/{id}");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Pretty(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true });
    }
}
