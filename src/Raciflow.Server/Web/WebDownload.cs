using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Raciflow.Server.Web;

/// <summary>Stored bytes (a run's artifact, a profile report) as a response that can show but never script.</summary>
public static class WebDownload
{
    /// <summary>
    /// Inline styles are allowed (plots and the profile report carry their own), scripts, plugins, forms and frames are
    /// not, and the sandbox gives the document an opaque origin, so an artifact opened on its own cannot act as the user.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IResult Result(HttpContext http, Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-cache";
        var type = ContentType(fileName);
        // Anything a browser would not just display is downloaded rather than opened.
        var inline = type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("text/", StringComparison.Ordinal) || type == "application/json";
        return Results.Stream(content, type, inline ? null : Path.GetFileName(fileName));
    }

    public static string ContentType(string fileName)
    {
        if (!ContentTypes.TryGetContentType(fileName, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("charset", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
    }
}
