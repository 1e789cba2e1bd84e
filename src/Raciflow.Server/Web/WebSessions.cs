using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Raciflow.Governance.Members;

namespace Raciflow.Server.Web;

/// <summary>
/// Server-side web sessions: the cookie carries only a random session id; the API token a member pasted at /login
/// stays in this process's memory, so it never travels back to the browser, into a page or into a log. Every request
/// still checks the token against the members table, so revoking or rotating a member ends their sessions at once.
/// Sessions end at logout, after <see cref="Lifetime"/>, or when the server restarts.
/// </summary>
public sealed class WebSessions(TimeProvider clock)
{
    public const string CookieName = "raciflow_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session for a verified token and sets its cookie (HttpOnly, SameSite=Strict).</summary>
    public void SignIn(HttpContext http, Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(http);
        SignOut(http); // a new id at every sign-in, so an id planted before login is worthless after it
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _sessions[id] = new Session(credentials, clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName, id, Options(http));
    }

    /// <summary>The credentials of the request's session, or <see cref="Credentials.None"/>.</summary>
    public Credentials Find(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies.TryGetValue(CookieName, out var id) && id is not null && _sessions.TryGetValue(id, out var session))
        {
            if (session.Expires > clock.GetUtcNow())
            {
                return session.Credentials;
            }

            _sessions.TryRemove(id, out _);
        }

        return Credentials.None;
    }

    public void SignOut(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies.TryGetValue(CookieName, out var id) && id is not null)
        {
            _sessions.TryRemove(id, out _);
            http.Response.Cookies.Delete(CookieName, Options(http));
        }
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
        MaxAge = Lifetime,
    };

    private sealed record Session(Credentials Credentials, DateTimeOffset Expires);
}
