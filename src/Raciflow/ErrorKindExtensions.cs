namespace Raciflow;

/// <summary>The one place where error kinds become exit codes and HTTP statuses, so both front doors agree.</summary>
public static class ErrorKindExtensions
{
    public static int ExitCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => 2,
        ErrorKind.Unprocessable => 3,
        ErrorKind.NotFound => 4,
        ErrorKind.Conflict => 5,
        ErrorKind.Unauthorized => 6,
        ErrorKind.Forbidden => 7,
        ErrorKind.Unavailable => 8,
        _ => 1,
    };

    public static int HttpStatus(this ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => 400,
        ErrorKind.Unprocessable => 422,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.Unavailable => 503,
        _ => 500,
    };

    public static string Code(this ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "invalid",
        ErrorKind.Unprocessable => "unprocessable",
        ErrorKind.NotFound => "not-found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.Unauthorized => "unauthorized",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.Unavailable => "unavailable",
        _ => "error",
    };
}
