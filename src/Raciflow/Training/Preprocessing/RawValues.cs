using System.Globalization;
using System.Text.Json;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// Converts a raw value from a single-row request (a CLR value, a string or a JSON element) to the type a column
/// holds; errors name the column.
/// </summary>
internal static class RawValues
{
    public static double ToDouble(object? value, string column) => Unwrap(value) switch
    {
        null => double.NaN,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        string s when string.IsNullOrWhiteSpace(s) => double.NaN,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        string s when bool.TryParse(s, out var b) => b ? 1 : 0,
        var other => throw RaciflowException.Invalid($"Column '{column}' needs a number; got '{other}'.", column),
    };

    public static string? ToText(object? value) => Unwrap(value) switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public static DateTime? ToDateTime(object? value, string column) => Unwrap(value) switch
    {
        null => null,
        DateTime d => d,
        DateTimeOffset o => o.UtcDateTime,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) => d,
        var other => throw RaciflowException.Invalid($"Column '{column}' needs a date or time; got '{other}'.", column),
    };

    private static object? Unwrap(object? value) => value is JsonElement e
        ? e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => e.GetString(),
            _ => e.GetRawText(),
        }
        : value;
}
