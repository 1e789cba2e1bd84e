using Microsoft.AspNetCore.Http;
using Raciflow.Governance.Audit;

namespace Raciflow.Server.Web.Pages;

/// <summary>/audit: the chain check ('raciflow audit verify') at the top, then the events filtered by task and actor.</summary>
internal static class AuditPage
{
    public static async Task<IResult> Get(string? task, string? actor, int? limit, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var verification = await AuditLog.VerifyAsync(web.Workspace.Metadata, web.Aborted);
        var events = await AuditLog.ListAsync(web.Workspace.Metadata, new AuditQuery(Blank(task), Blank(actor), Limit: Math.Clamp(limit ?? 200, 1, 1000)), web.Aborted);
        var chain = verification.IsIntact
            ? Html.Of($"<p class=\"notice ok\" id=\"audit-chain\">Audit chain intact: {verification.Events} event(s), each carrying the hash of the one before.</p>")
            : Html.Of($"<p class=\"notice bad\" id=\"audit-chain\">Audit chain BROKEN at event {verification.BrokenAt}: {verification.Problem}.</p>");
        var rows = Html.Join(events.Select(e => Html.Of($"""
            <tr class="{e.Outcome}"><td>{e.Sequence}</td><td>{e.Time:yyyy-MM-dd HH:mm:ss}</td><td>{e.Actor}</td><td>{e.Role}</td><td>{e.Task}</td><td>{e.Action}</td>
            <td>{e.Target}</td><td>{e.Outcome}</td><td>{e.Before}</td><td>{e.After}</td></tr>
            """)));
        return web.Page("Audit log", Html.Of($"""
            {chain}
            <form method="get" action="/audit" class="filters">
            <label>Task <input type="text" name="task" value="{task}"></label>
            <label>Actor <input type="text" name="actor" value="{actor}"></label>
            <button type="submit">Filter</button>
            </form>
            <table id="audit"><thead><tr><th>#</th><th>Time (UTC)</th><th>Actor</th><th>Role</th><th>Task</th><th>Action</th><th>Target</th><th>Outcome</th><th>Before</th><th>After</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
