using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Raciflow.Governance.Notifications;

namespace Raciflow.Server.Web.Pages;

/// <summary>/inbox: the user's delivered notifications (unread first unless ?all=true), marked read one by one or all.</summary>
internal static class InboxPage
{
    public static async Task<IResult> Get(bool? all, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var showAll = all == true;
        var items = await InboxService.ListAsync(web.Workspace.Metadata, web.User.Name!, unreadOnly: !showAll, 200, web.Aborted);
        var rows = Html.Join(items.Select(i => Html.Of($"""
            <tr class="{(i.ReadAt is null ? "unread" : "read")}"><td>{i.CreatedAt:yyyy-MM-dd HH:mm}</td><td>{i.Task}</td><td>{i.Event}</td><td>{i.Reason}</td><td>{i.Text}</td>
            <td>{(i.ReadAt is null ? web.PostForm("/inbox/read", "Mark read", "link", Html.Of($"<input type=\"hidden\" name=\"id\" value=\"{i.Id}\">")) : Html.Raw("<span class=\"muted\">read</span>"))}</td></tr>
            """)));
        var toggle = showAll ? Html.Raw("<a href=\"/inbox\">Unread only</a>") : Html.Raw("<a href=\"/inbox?all=true\">Show read ones too</a>");
        return web.Page("Inbox", Html.Of($"""
            <p>{toggle} {Html.When(items.Any(i => i.ReadAt is null), web.PostForm("/inbox/read", "Mark all read", "link"))}</p>
            {(items.Count == 0 ? Html.Raw("<p class=\"muted\" id=\"inbox-empty\">No notifications.</p>") : Html.Of($"""
                <table id="inbox"><thead><tr><th>At (UTC)</th><th>Task</th><th>Event</th><th>Why you</th><th>What</th><th></th></tr></thead><tbody>{rows}</tbody></table>
                """))}
            <p class="muted">Notifications reach the inbox when the outbox is dispatched (<code>raciflow notifications dispatch</code>).</p>
            """));
    }

    public static async Task<IResult> MarkRead([FromForm] long? id, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await InboxService.MarkReadAsync(web.Workspace.Metadata, web.User.Name!, id is { } one ? [one] : [], web.Workspace.UtcNow, web.Aborted);
        return Results.Redirect("/inbox");
    }
}
