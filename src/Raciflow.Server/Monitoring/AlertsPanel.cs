using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Raciflow.Monitoring.Alerts;
using Raciflow.Server.Web;

namespace Raciflow.Server.Monitoring;

/// <summary>
/// The monitoring page's "Alerts" section: the model's alerts that are not resolved, then the latest resolved ones,
/// each with who acknowledged or resolved it; acknowledge and resolve are buttons, governed like the CLI and API
/// (monitoring-maintenance), so a member without R or A gets the same refusal.
/// </summary>
internal sealed class AlertsPanel : IMonitoringPanel
{
    private const int Shown = 20;

    public string Title => "Alerts";

    public int Order => 10;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapPost("/models/{name}/monitoring/alerts/{id:long}/ack", Ack);
        pages.MapPost("/models/{name}/monitoring/alerts/{id:long}/resolve", Resolve);
    }

    public async Task<Html> RenderAsync(WebRequest web, string model, CancellationToken cancellationToken)
    {
        var alerts = await new AlertService(web.Governance).ListAsync(model, limit: Shown, cancellationToken: cancellationToken);
        if (alerts.Count == 0)
        {
            return Html.Of($"<p class=\"muted\" id=\"no-alerts\">No alerts: the rules in monitoring.alerts have not fired.</p>");
        }

        var rows = Html.Join(alerts.OrderBy(a => a.Status == AlertStatus.Resolved).ThenByDescending(a => a.LastSeenAt).Select(a => Html.Of($"""
            <tr class="alert-{a.Status}" id="alert-{a.Id}"><td>{a.Id}</td><td>{a.Rule}</td><td>{a.Status}</td><td>{a.Message}</td>
            <td>{a.OpenedAt:yyyy-MM-dd HH:mm:ss}</td><td>{a.LastSeenAt:yyyy-MM-dd HH:mm:ss} ({a.Occurrences}×)</td>
            <td>{Who(a)}</td><td>{a.Retraining ?? "–"}</td><td>{Buttons(web, model, a)}</td></tr>
            """)));
        return Html.Of($"""
            <table id="alert-list"><thead><tr><th>Id</th><th>Rule</th><th>Status</th><th>Message</th><th>Opened (UTC)</th><th>Last seen</th><th>Handled by</th><th>Retraining</th><th></th></tr></thead>
            <tbody>{rows}</tbody></table>
            """);
    }

    private static string Who(Alert a) =>
        a.ResolvedBy is { } resolved ? $"resolved by {resolved}{(a.ResolutionNote is { } note ? $": {note}" : string.Empty)}"
        : a.AcknowledgedBy is { } acknowledged ? $"acknowledged by {acknowledged}"
        : "–";

    private static Html Buttons(WebRequest web, string model, Alert a)
    {
        var path = $"/models/{Uri.EscapeDataString(model)}/monitoring/alerts/{a.Id}";
        return a.Status switch
        {
            AlertStatus.Open => Html.Join([web.PostForm(path + "/ack", "Acknowledge"), web.PostForm(path + "/resolve", "Resolve")]),
            AlertStatus.Acknowledged => web.PostForm(path + "/resolve", "Resolve"),
            _ => Html.Empty,
        };
    }

    private static async Task<IResult> Ack(string name, long id, [FromForm] string? note, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await new AlertService(web.Governance).AckAsync(id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), web.Aborted);
        return Results.Redirect($"/models/{Uri.EscapeDataString(name)}/monitoring#alerts");
    }

    private static async Task<IResult> Resolve(string name, long id, [FromForm] string? note, HttpContext http)
    {
        var web = WebRequest.Of(http);
        await new AlertService(web.Governance).ResolveAsync(id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), web.Aborted);
        return Results.Redirect($"/models/{Uri.EscapeDataString(name)}/monitoring#alerts");
    }
}
