using System.Globalization;
using System.Text.Json;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Turns a raw request value into what the log stores: a double for numbers and booleans (1/0), text for the rest,
/// null when missing; the same typing a model's input schema uses (number, string, null).
/// </summary>
internal static class LoggedValue
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        double d => double.IsNaN(d) ? null : d,
        float f => float.IsNaN(f) ? null : (double)f,
        int i => (double)i,
        long l => (double)l,
        short s => (double)s,
        byte b => (double)b,
        decimal m => (double)m,
        bool b => b ? 1.0 : 0.0,
        string s => s,
        JsonElement e => FromJson(e),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// The typing of <see cref="Normalize"/> without boxing a number: true with the number, or false with the text
    /// (null when the value is missing).
    /// </summary>
    public static bool TryNumber(object? value, out double number, out string? text)
    {
        text = null;
        switch (value)
        {
            case double d when !double.IsNaN(d):
                number = d;
                return true;
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case bool b:
                number = b ? 1.0 : 0.0;
                return true;
            case string s:
                number = 0;
                text = s;
                return false;
            case JsonElement { ValueKind: JsonValueKind.Number } e:
                number = e.GetDouble();
                return true;
            case JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } e:
                number = e.ValueKind == JsonValueKind.True ? 1.0 : 0.0;
                return true;
            default:
                var normalized = Normalize(value);
                number = normalized is double n ? n : 0;
                text = normalized as string;
                return normalized is double;
        }
    }

    public static string? ToText(object? normalized) => normalized switch
    {
        null => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => (string)normalized,
    };

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => 1.0,
        JsonValueKind.False => 0.0,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
