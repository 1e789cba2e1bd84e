using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Raciflow.Governance.Members;

namespace Raciflow.Server.Governance;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> into governance <see cref="Credentials"/>.</summary>
internal static class BearerCredentials
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// No header is no credentials; any other scheme (or a bare value) is passed on as is, so the governance core
    /// reports it as a malformed token, with the same message as the CLI, never echoing it back.
    /// </summary>
    public static Credentials From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            return Credentials.None;
        }

        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? new Credentials(header[Scheme.Length..].Trim())
            : new Credentials(header);
    }
}
