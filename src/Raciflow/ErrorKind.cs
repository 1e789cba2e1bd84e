namespace Raciflow;

/// <summary>What kind of failure an error is; each maps to one CLI exit code and one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>Malformed or semantically wrong input (HTTP 400/422, exit 2).</summary>
    Invalid,

    /// <summary>An input that is well-formed but breaks a declared rule, e.g. a failed expectation (HTTP 422, exit 3).</summary>
    Unprocessable,

    /// <summary>The thing named does not exist (HTTP 404, exit 4).</summary>
    NotFound,

    /// <summary>The request conflicts with stored state (HTTP 409, exit 5).</summary>
    Conflict,

    /// <summary>No valid credentials (HTTP 401, exit 6).</summary>
    Unauthorized,

    /// <summary>Valid credentials, but not allowed (HTTP 403, exit 7).</summary>
    Forbidden,

    /// <summary>A store or service cannot be reached (HTTP 503, exit 8).</summary>
    Unavailable,
}
