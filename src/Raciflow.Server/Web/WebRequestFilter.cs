using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Workflows;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Workspaces;

namespace Raciflow.Server.Web;

/// <summary>
/// Runs before every page: works out who is signing the request (the session's member, or the workspace actor in
/// single-user mode), sends anyone else to /login when the page needs a member, and renders a
/// <see cref="RaciflowException"/> as an HTML page with its kind's status (403 naming the task and who may act,
/// 409 for a decided approval, …) instead of problem JSON.
/// </summary>
internal sealed class WebRequestFilter(bool requireSignIn) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var workspace = http.RequestServices.GetRequiredService<Workspace>();
        var sessions = http.RequestServices.GetRequiredService<WebSessions>();
        var credentials = sessions.Find(http);
        var governance = GovernanceHandlers.Register(new GovernanceService(workspace, credentials, http.TraceIdentifier));
        var user = await IdentifyAsync(workspace, credentials, http.RequestAborted);
        if (credentials.IsPresent && !user.IsSignedIn)
        {
            sessions.SignOut(http); // the member was revoked or their token rotated since they signed in
        }

        var web = new WebRequest(http, workspace, governance, user);
        http.Features.Set(web);
        if (requireSignIn && !user.IsSignedIn)
        {
            if (HttpMethods.IsGet(http.Request.Method))
            {
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            }

            return web.Page("Sign in needed", Html.Raw("<p class=\"notice bad\">Sign in with your API token first: <a href=\"/login\">sign in</a>.</p>"), StatusCodes.Status401Unauthorized);
        }

        try
        {
            return await next(context);
        }
        catch (RaciflowException ex)
        {
            var status = ex.Kind.HttpStatus();
            return web.Page(Title(ex.Kind), Html.Of($"<p class=\"notice bad\">{ex.Message}</p>{Details(ex)}<p><a href=\"{Back(http)}\">Back</a></p>"), status);
        }
    }

    private static async Task<WebUser> IdentifyAsync(Workspace workspace, Credentials credentials, CancellationToken cancellationToken)
    {
        await using (var db = workspace.Metadata.CreateContext())
        {
            if (!await db.Set<Member>().AnyAsync(cancellationToken))
            {
                return new WebUser(workspace.Actor, [], SingleUserMode: true);
            }
        }

        if (!credentials.IsPresent)
        {
            return WebUser.Anonymous;
        }

        try
        {
            var name = await Authorizer.AuthenticateAsync(workspace, credentials, cancellationToken);
            var holder = await RoleHolders.FindAsync(workspace, name, cancellationToken);
            return new WebUser(name, holder.Roles, SingleUserMode: false);
        }
        catch (RaciflowException ex) when (ex.Kind == ErrorKind.Unauthorized)
        {
            return WebUser.Anonymous;
        }
    }

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Forbidden => "Not allowed",
        ErrorKind.Unauthorized => "Sign in needed",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Already done",
        _ => "Cannot do that",
    };

    private static Html Details(RaciflowException ex) =>
        ex.Details.Count == 0 ? Html.Empty : Html.Of($"<ul>{Html.Join(ex.Details.Select(d => Html.Of($"<li>{d}</li>")))}</ul>");

    /// <summary>Back to where the form was (same origin only), else the start page.</summary>
    private static string Back(HttpContext http)
    {
        var referer = http.Request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Authority == http.Request.Host.Value ? uri.PathAndQuery : "/";
    }
}
