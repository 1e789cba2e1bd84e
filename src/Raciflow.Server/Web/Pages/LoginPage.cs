using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance;
using Raciflow.Governance.Members;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// /login: a member pastes their API token; it is checked exactly as a bearer token is (unknown, revoked or
/// rotated-out tokens fail) and kept server-side in <see cref="WebSessions"/>. The token is never written back into
/// a page, a redirect or a log.
/// </summary>
internal static class LoginPage
{
    public static IResult Get(string? returnUrl, HttpContext http)
    {
        var web = WebRequest.Of(http);
        return web.User.SingleUserMode
            ? web.Page("Sign in", Html.Of($"<p class=\"notice ok\">This workspace has no members yet (single-user mode): every page works without signing in, as {web.User.Name}.</p><p><a href=\"/raci\">Go to the RACI matrix</a></p>"))
            : Form(web, returnUrl, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> Post([FromForm] string? token, [FromForm] string? returnUrl, HttpContext http)
    {
        var web = WebRequest.Of(http);
        var credentials = new Credentials(token?.Trim());
        try
        {
            await new GovernanceService(web.Workspace, credentials, http.TraceIdentifier).Members.WhoAmIAsync(http.RequestAborted);
        }
        catch (RaciflowException ex) when (ex.Kind == ErrorKind.Unauthorized)
        {
            return Form(web, returnUrl, ex.Message, StatusCodes.Status401Unauthorized);
        }

        http.RequestServices.GetRequiredService<WebSessions>().SignIn(http, credentials);
        return Results.Redirect(LocalOnly(returnUrl));
    }

    /// <summary>Binds the form only so that the antiforgery check runs: a cross-site page cannot sign anyone out.</summary>
    public static IResult Logout(IFormCollection form, HttpContext http)
    {
        _ = form;
        http.RequestServices.GetRequiredService<WebSessions>().SignOut(http);
        return Results.Redirect("/login");
    }

    private static IResult Form(WebRequest web, string? returnUrl, string? error, int status) =>
        web.Page("Sign in", Html.Of($"""
            {Html.When(error is not null, Html.Of($"<p class=\"notice bad\">{error}</p>"))}
            <p>Paste the API token you were given by <code>raciflow members add</code> or <code>raciflow members rotate</code>.</p>
            <form method="post" action="/login" class="stack">
            {web.AntiforgeryField()}
            <input type="hidden" name="returnUrl" value="{LocalOnly(returnUrl)}">
            <label>API token <input type="password" name="token" autocomplete="off" required></label>
            <button type="submit">Sign in</button>
            </form>
            """), status);

    /// <summary>Only paths on this server, so a crafted link cannot bounce a fresh session to another site.</summary>
    private static string LocalOnly(string? url) =>
        url is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' ? u : "/raci";
}
