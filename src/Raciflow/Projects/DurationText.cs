using System.Globalization;

namespace Raciflow.Projects;

/// <summary>Durations as people write them in raciflow.yaml and on the command line: <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>.</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length >= 2
            && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && amount > 0 && double.IsFinite(amount))
        {
            TimeSpan? span = char.ToLowerInvariant(trimmed[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } s)
            {
                return s;
            }
        }

        throw RaciflowException.Invalid($"{field}: '{text}' is not a duration; write a positive number followed by s, m, h or d (e.g. 30m).", field);
    }
}
