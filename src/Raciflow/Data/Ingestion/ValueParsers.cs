using System.Globalization;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// Culture-invariant parsing of cell text into the typed values of the Parquet copy. Inference and conversion
/// share these methods so a value counted as valid while inferring is always converted the same way.
/// </summary>
internal static class ValueParsers
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyyMMdd'T'HHmmss",
        "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yyyy HH:mm", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss",
        "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "dd-MMM-yyyy", "d MMM yyyy", "MMM d, yyyy",
    ];

    public static bool TryParseBoolean(ReadOnlySpan<char> value, out bool result)
    {
        value = value.Trim();
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            result = false;
            return true;
        }

        result = false;
        return false;
    }

    public static bool TryParseInteger(ReadOnlySpan<char> value, out long result) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out result);

    /// <summary>Finite decimal or scientific numbers; "Infinity" and thousands separators are not numbers here.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    public static bool TryParseDateTime(ReadOnlySpan<char> value, out DateTime result)
    {
        value = value.Trim();
        if (value.Length >= 10 && value[4] == '-' && value[7] == '-' && TryParseIsoDate(value[..10], out result))
        {
            if (value.Length == 10)
            {
                return true;
            }

            if (value.Length == 19 && value[10] is ' ' or 'T' && TryParseIsoTime(value[11..], out var time))
            {
                result += time;
                return true;
            }
        }

        // A date needs at least "1.1.2000"-ish length; short digit strings (years, counts) are not dates.
        if (value.Length < 8)
        {
            result = default;
            return false;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out result))
        {
            result = DateTime.SpecifyKind(result, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    // yyyy-MM-dd is by far the most common date form; parsing it by hand avoids the general parser's cost.
    private static bool TryParseIsoDate(ReadOnlySpan<char> s, out DateTime result)
    {
        result = default;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        result = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    // HH:mm:ss, the time part of the most common timestamp forms.
    private static bool TryParseIsoTime(ReadOnlySpan<char> s, out TimeSpan result)
    {
        result = default;
        if (s[2] != ':' || s[5] != ':' || !TryDigits(s[..2], out var hour) || !TryDigits(s.Slice(3, 2), out var minute) || !TryDigits(s.Slice(6, 2), out var second))
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        result = new TimeSpan(hour, minute, second);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
