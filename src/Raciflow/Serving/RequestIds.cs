namespace Raciflow.Serving;

/// <summary>Request ids: the name of a request in the prediction log and in feedback.</summary>
public static class RequestIds
{
    /// <summary>
    /// 32 hex digits, as a Guid's "N" form. A request id has to be unique, not secret (it is returned to the caller
    /// and written to the log): <c>Guid.NewGuid</c> reads the kernel's random source with a system call per id, which
    /// cost 5% of the server's CPU under load; <see cref="Random.Shared"/> is seeded from it once per thread.
    /// </summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A client's id is kept when it is short and printable (up to 64 letters, digits, '-', '_', '.'), so logs on both sides match.</summary>
    public static bool IsAcceptable(ReadOnlySpan<char> given)
    {
        if (given.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in given)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
