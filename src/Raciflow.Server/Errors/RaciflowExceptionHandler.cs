using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Raciflow.Server.Errors;

/// <summary>
/// Turns every exception into RFC 7807 problem details: a <see cref="RaciflowException"/> keeps its kind's status,
/// message, location and details; malformed request input is a 400 naming the JSON path; anything else is a 500
/// with no internals (the stack trace goes to the log, never to the client).
/// </summary>
internal sealed class RaciflowExceptionHandler(IProblemDetailsService problems, ILogger<RaciflowExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RaciflowException r => Problem(r.Kind.HttpStatus(), r.Kind.Code(), r.Message, r.Location, r.Details),
            BadHttpRequestException { InnerException: JsonException json } => Problem(400, ErrorKind.Invalid.Code(), MalformedJson(json), json.Path, []),
            BadHttpRequestException bad => Problem(bad.StatusCode, ErrorKind.Invalid.Code(), bad.Message, null, []),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(500, "internal", "An unexpected error occurred; the server log has the details.", null, []);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            // RFC 9110: a 401 names the scheme the client should use.
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string code, string message, string? location, IReadOnlyList<string> details)
    {
        var problem = new ProblemDetails { Status = status, Title = code, Detail = message, Type = $"https://raciflow.dev/problems/{code}" };
        problem.Extensions["code"] = code;
        if (location is not null)
        {
            problem.Extensions["location"] = location;
        }

        if (details.Count > 0)
        {
            problem.Extensions["details"] = details;
        }

        return problem;
    }

    // System.Text.Json's message ends with its own "Path: … | LineNumber: …" suffix; restate it in words.
    private static string MalformedJson(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var where = json.Path is { Length: > 0 } path ? $" at field '{path}'" : "";
        var line = json.LineNumber is { } l ? $" (line {l + 1}, byte {json.BytePositionInLine + 1})" : "";
        return $"The request body is not valid JSON for this endpoint{where}{line}: {message}";
    }
}
