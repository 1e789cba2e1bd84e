using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance;
using Raciflow.Workspaces;

namespace Raciflow.Server.Web;

/// <summary>
/// What a page handler works with: the workspace, the governance facade built with the signed-in member's
/// credentials (so every action is authorised and audited exactly as over the API and the CLI), and the user.
/// Set by <see cref="WebRequestFilter"/>; a handler gets it with <see cref="Of"/>.
/// </summary>
public sealed class WebRequest
{
    internal WebRequest(HttpContext http, Workspace workspace, GovernanceService governance, WebUser user)
    {
        Http = http;
        Workspace = workspace;
        Governance = governance;
        User = user;
    }

    public HttpContext Http { get; }

    public Workspace Workspace { get; }

    public GovernanceService Governance { get; }

    public WebUser User { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    public static WebRequest Of(HttpContext http) =>
        http?.Features.Get<WebRequest>() ?? throw new InvalidOperationException("The web request filter did not run for this page; map it under WebEndpoints.");

    /// <summary>The hidden antiforgery field every POST form carries (validated by app.UseAntiforgery()).</summary>
    public Html AntiforgeryField()
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    /// <summary>A POST form with one button (and optional extra fields before it).</summary>
    public Html PostForm(string action, string button, string cssClass = "", Html fields = default) =>
        Html.Of($"<form method=\"post\" action=\"{action}\" class=\"inline\">{AntiforgeryField()}{fields}<button type=\"submit\" class=\"{cssClass}\">{button}</button></form>");

    /// <summary>The page inside the layout, as text/html with the given status.</summary>
    public IResult Page(string title, Html body, int status = StatusCodes.Status200OK) => WebPage.Result(Http, WebLayout.Render(this, title, body), status);
}
