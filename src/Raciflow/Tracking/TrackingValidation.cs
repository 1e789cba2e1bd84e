namespace Raciflow.Tracking;

/// <summary>Checks names, keys and values before anything is written, with messages naming the offending field.</summary>
internal static class TrackingValidation
{
    public static string Name(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RaciflowException.Invalid($"The {field} must not be empty.", field);
        }

        if (name.Length > TrackingLimits.NameLength || name.Any(char.IsControl))
        {
            throw RaciflowException.Invalid($"The {field} '{Shorten(name)}' must be at most {TrackingLimits.NameLength} characters without control characters.", field);
        }

        return name.Trim();
    }

    public static void Key(string? key, string field)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw RaciflowException.Invalid($"A {field} key must not be empty.", field);
        }

        if (key.Length > TrackingLimits.KeyLength || key.Any(char.IsControl))
        {
            throw RaciflowException.Invalid($"The {field} key '{Shorten(key)}' must be at most {TrackingLimits.KeyLength} characters without control characters.", $"{field}.{Shorten(key)}");
        }
    }

    public static void Value(string key, string? value, int limit, string field)
    {
        if (value is null)
        {
            throw RaciflowException.Invalid($"The {field} '{key}' has no value.", $"{field}.{key}");
        }

        if (value.Length > limit)
        {
            throw RaciflowException.Invalid($"The {field} '{key}' is {value.Length} characters long; the limit is {limit}.", $"{field}.{key}");
        }
    }

    public static void Batch(RunBatch batch)
    {
        if (batch.Count > TrackingLimits.MaxBatchItems)
        {
            throw RaciflowException.Invalid($"A batch holds {batch.Count} items; the limit is {TrackingLimits.MaxBatchItems}. Split it.", "batch");
        }

        foreach (var point in batch.Metrics)
        {
            Key(point.Key, "metric");
            if (!double.IsFinite(point.Value))
            {
                throw RaciflowException.Invalid($"The metric '{point.Key}' at step {point.Step} is {point.Value}; metric values must be finite numbers.", $"metric.{point.Key}");
            }
        }

        foreach (var (key, value) in batch.Params)
        {
            Key(key, "param");
            Value(key, value, TrackingLimits.ParamValueLength, "param");
        }

        foreach (var (key, value) in batch.Tags)
        {
            Key(key, "tag");
            Value(key, value, TrackingLimits.TagValueLength, "tag");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
