using Microsoft.AspNetCore.Http;

namespace Raciflow.Server.Web;

/// <summary>Turns rendered HTML into a response with the headers every page carries.</summary>
public static class WebPage
{
    /// <summary>
    /// No script, no inline style, forms post only here, never framed: the pages need nothing else, and a
    /// mis-encoded value could then still not run.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Result(HttpContext http, Html html, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
