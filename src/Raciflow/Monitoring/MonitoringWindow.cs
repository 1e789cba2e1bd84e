using System.Globalization;
using System.Text.RegularExpressions;

namespace Raciflow.Monitoring;

/// <summary>Durations as users write them for monitoring windows: a whole number of minutes, hours or days (30m, 24h, 7d).</summary>
public static partial class MonitoringWindow
{
    public const string Default = "24h";

    /// <summary>Long enough for a year of history, short enough that a typo (24d for 24h × 1000) is caught.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public static TimeSpan Parse(string? text, string field = "window")
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            throw RaciflowException.Invalid($"The {field} '{text}' is not a duration; write a positive whole number of minutes, hours or days, e.g. 30m, 24h or 7d.", field);
        }

        var span = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        if (span > Longest)
        {
            throw RaciflowException.Invalid($"The {field} '{text}' is longer than {Longest.TotalDays:0} days.", field);
        }

        return span;
    }

    [GeneratedRegex("^([0-9]{1,7})([mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
