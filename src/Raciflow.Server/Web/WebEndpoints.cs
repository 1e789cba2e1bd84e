using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Raciflow.Server.Web.Pages;

namespace Raciflow.Server.Web;

/// <summary>
/// The server-rendered web pages. Pages that need a member map under <see cref="MapPages"/>'s group (a capability
/// adds its own there, e.g. <c>pages.MapGet("/runs", RunsPage.List)</c>); each handler returns
/// <see cref="WebRequest.Page"/>. Form posts are checked against CSRF by app.UseAntiforgery().
/// </summary>
public static class WebEndpoints
{
    public static WebApplication MapRaciflowWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(WebLayout.StylesheetPath, Stylesheet).ExcludeFromDescription();

        var open = app.MapGroup(string.Empty).AddEndpointFilter(new WebRequestFilter(requireSignIn: false)).ExcludeFromDescription();
        open.MapGet("/login", LoginPage.Get);
        open.MapPost("/login", LoginPage.Post);
        open.MapPost("/logout", (Delegate)LoginPage.Logout);
        // Like the predict API, the form is open for models raciflow.yaml serves publicly; PredictPage asks the rest to sign in.
        open.MapGet("/predict/{model}", PredictPage.Get);
        open.MapPost("/predict/{model}", PredictPage.Post);

        MapPages(app.MapGroup(string.Empty).AddEndpointFilter(new WebRequestFilter(requireSignIn: true)).ExcludeFromDescription());
        return app;
    }

    private static void MapPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/", () => Results.Redirect("/raci"));
        pages.MapGet("/raci", (Delegate)RaciPage.Get); // the cast keeps it a route handler, so the filter runs
        pages.MapGet("/my-tasks", (Delegate)MyTasksPage.Get);
        pages.MapGet("/approvals", ApprovalsPage.List);
        pages.MapGet("/approvals/{id:long}", ApprovalsPage.Detail);
        pages.MapPost("/approvals/{id:long}/comment", ApprovalsPage.Comment);
        pages.MapPost("/approvals/{id:long}/approve", ApprovalsPage.Approve);
        pages.MapPost("/approvals/{id:long}/reject", ApprovalsPage.Reject);
        pages.MapGet("/inbox", InboxPage.Get);
        pages.MapPost("/inbox/read", InboxPage.MarkRead);
        pages.MapGet("/audit", AuditPage.Get);
        MonitoringPage.Map(pages);
        Raciflow.Server.Monitoring.AlertsPanel.Map(pages);
        pages.MapGet("/runs", RunsPage.List);
        pages.MapGet("/runs/{id}", RunsPage.Detail);
        pages.MapGet("/runs/{id}/artifacts/{**path}", RunsPage.Artifact);
        pages.MapGet("/datasets", (Delegate)DatasetsPage.List);
        pages.MapGet("/datasets/{name}", DatasetsPage.Versions);
        pages.MapGet("/datasets/{name}/{version}", DatasetsPage.Detail);
        pages.MapGet("/datasets/{name}/{version}/profile", DatasetsPage.Profile);
        pages.MapGet("/models", (Delegate)ModelsPage.List);
        pages.MapGet("/models/{name}", ModelsPage.Detail);
        pages.MapGet("/models/{name}/versions/{version:int}", ModelsPage.VersionDetail);
    }

    private static IResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(WebStylesheet.Text, "text/css; charset=utf-8");
    }
}
