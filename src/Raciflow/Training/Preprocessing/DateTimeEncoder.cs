using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// A date split into year, month, day, day of week and day of year, each standardised with training statistics;
/// missing dates take the training median date and set a missing indicator.
/// </summary>
public sealed class DateTimeEncoder : ColumnEncoder
{
    internal static readonly string[] Parts = ["year", "month", "day", "day_of_week", "day_of_year"];

    public required DateTime MedianDate { get; init; }

    public required IReadOnlyList<double> Means { get; init; }

    public required IReadOnlyList<double> Scales { get; init; }

    public required bool MissingIndicator { get; init; }

    public static DateTimeEncoder Fit(FrameColumn column)
    {
        var dates = ReadDates(column);
        var present = dates.Where(d => d is not null).Select(d => d!.Value).Order().ToArray();
        var median = present.Length == 0 ? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) : present[present.Length / 2];
        var parts = dates.Select(d => PartsOf(d ?? median)).ToArray();
        var means = new double[Parts.Length];
        var scales = new double[Parts.Length];
        for (var p = 0; p < Parts.Length; p++)
        {
            var mean = parts.Length == 0 ? 0 : parts.Average(x => x[p]);
            var sd = parts.Length == 0 ? 0 : Math.Sqrt(parts.Sum(x => (x[p] - mean) * (x[p] - mean)) / parts.Length);
            means[p] = mean;
            scales[p] = sd > 1e-12 ? sd : 1;
        }

        return new DateTimeEncoder { Column = column.Name, MedianDate = median, Means = means, Scales = scales, MissingIndicator = present.Length < dates.Length && present.Length > 0 };
    }

    public override IReadOnlyList<string> FeatureNames()
    {
        var names = Parts.Select(p => $"{Column}.{p}").ToList();
        if (MissingIndicator)
        {
            names.Add(Column + "__missing");
        }

        return names;
    }

    public override void EncodeRows(FrameColumn column, int start, int count, Span<double> destination, int stride, int offset)
    {
        var dates = ReadDates(column);
        for (var i = 0; i < count; i++)
        {
            Encode(dates[start + i], destination[((i * stride) + offset)..]);
        }
    }

    public override void EncodeValue(object? value, Span<double> destination) => Encode(RawValues.ToDateTime(value, Column), destination);

    private static DateTime?[] ReadDates(FrameColumn column) => column is DateTimeColumn d
        ? d.Values
        : throw RaciflowException.Invalid($"Column '{column.Name}' was a date/time column when the preprocessing was fitted but is {column.Type.ToString().ToLowerInvariant()} now.", column.Name);

    private static double[] PartsOf(DateTime d) => [d.Year, d.Month, d.Day, (int)d.DayOfWeek, d.DayOfYear];

    private void Encode(DateTime? value, Span<double> destination)
    {
        var parts = PartsOf(value ?? MedianDate);
        for (var p = 0; p < parts.Length; p++)
        {
            destination[p] = (parts[p] - Means[p]) / Scales[p];
        }

        if (MissingIndicator)
        {
            destination[parts.Length] = value is null ? 1 : 0;
        }
    }
}
