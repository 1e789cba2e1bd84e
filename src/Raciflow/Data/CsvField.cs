namespace Raciflow.Data;

/// <summary>One CSV field as RFC 4180 writes it: quoted (with quotes doubled) only when it holds the separator, a quote or a line break.</summary>
internal static class CsvField
{
    public static string Quote(string? text, char separator = ',') =>
        text is null ? string.Empty
        : text.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0 ? text
        : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
