namespace Raciflow.Server.Web;

/// <summary>The page frame: header navigation, who is signed in, and the content.</summary>
public static class WebLayout
{
    public const string StylesheetPath = "/web/raciflow.css";

    public static Html Render(WebRequest web, string title, Html content)
    {
        ArgumentNullException.ThrowIfNull(web);
        var path = web.Http.Request.Path.Value ?? "/";
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Raciflow</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            </head>
            <body>
            <header>
            <a class="brand" href="/">Raciflow</a>
            <nav>{Links(WebNavigation.Lifecycle, path)}<span class="group">Governance:</span>{Links(WebNavigation.Governance, path)}</nav>
            <div class="user">{UserBox(web)}</div>
            </header>
            <main>
            <h1>{title}</h1>
            {content}
            </main>
            </body>
            </html>
            """);
    }

    private static Html Links(IEnumerable<(string Label, string Path)> links, string current) =>
        Html.Join(links.Select(l => Html.Of($"<a href=\"{l.Path}\"{Html.When(current.StartsWith(l.Path, StringComparison.Ordinal), Html.Raw(" class=\"current\" aria-current=\"page\""))}>{l.Label}</a>")));

    private static Html UserBox(WebRequest web)
    {
        var user = web.User;
        if (user.SingleUserMode)
        {
            return Html.Of($"<span title=\"The workspace has no members yet, so nothing needs a sign-in.\">{user.Name} · single-user mode</span>");
        }

        if (!user.IsSignedIn)
        {
            return Html.Raw("<a href=\"/login\">Sign in</a>");
        }

        return Html.Of($"<span class=\"who\">{user.Name} ({string.Join(", ", user.Roles)})</span>{web.PostForm("/logout", "Sign out", "link")}");
    }
}
