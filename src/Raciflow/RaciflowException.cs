namespace Raciflow;

/// <summary>
/// An error caused by input, state or environment that the user can act on. Front doors map
/// <see cref="Kind"/> to an exit code (CLI) or an HTTP status (server) and print <see cref="Exception.Message"/>
/// without a stack trace.
/// </summary>
public class RaciflowException : Exception
{
    public RaciflowException(ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public RaciflowException()
        : this(ErrorKind.Invalid, "Raciflow error.")
    {
    }

    public RaciflowException(string message)
        : this(ErrorKind.Invalid, message)
    {
    }

    public RaciflowException(string message, Exception innerException)
        : this(ErrorKind.Invalid, message, innerException)
    {
    }

    public ErrorKind Kind { get; }

    /// <summary>Where the problem is (file, column, field, line, URI), when known.</summary>
    public string? Location { get; init; }

    /// <summary>Further problems of the same request, so a user can fix them all at once.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public static RaciflowException NotFound(string message) => new(ErrorKind.NotFound, message);

    public static RaciflowException Invalid(string message, string? location = null) => new(ErrorKind.Invalid, message) { Location = location };

    public static RaciflowException Conflict(string message) => new(ErrorKind.Conflict, message);

    public static RaciflowException Unavailable(string message, Exception? inner = null) => new(ErrorKind.Unavailable, message, inner);
}
