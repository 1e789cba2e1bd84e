using System.Globalization;
using MathNet.Numerics.Statistics;

namespace Raciflow.Data.Profiling;

/// <summary>Computes a <see cref="ColumnProfile"/> from a frame column.</summary>
public static class ColumnProfiler
{
    private const int TopValueCount = 20;

    public static ColumnProfile Profile(FrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        // Continuous values and dates have no meaningful "most frequent"; counting them as text would be costly too.
        var counted = column.Type is not (ColumnType.Numeric or ColumnType.DateTime);
        var counts = counted ? ColumnValues.Counts(column) : [];
        var profile = new ColumnProfile
        {
            Name = column.Name,
            Type = column.Type,
            Count = column.Length,
            Missing = column.MissingCount,
            Distinct = counted ? counts.Count : ColumnValues.DistinctCount(column),
            TopValues = counts.Take(TopValueCount).ToList(),
        };
        return column switch
        {
            NumericColumn numbers when ColumnValues.IsQuantity(column) => WithNumbers(profile, ColumnValues.Present(numbers)),
            DateTimeColumn dates => WithDates(profile, dates),
            _ => profile,
        };
    }

    private static ColumnProfile WithNumbers(ColumnProfile profile, double[] values)
    {
        if (values.Length == 0)
        {
            return profile;
        }

        var quartiles = Quartiles.Of(values)!;
        var low = quartiles.Q1 - (1.5 * quartiles.Iqr);
        var high = quartiles.Q3 + (1.5 * quartiles.Iqr);
        return profile with
        {
            Min = values.Min(),
            Max = values.Max(),
            Mean = values.Mean(),
            StdDev = values.Length > 1 ? values.StandardDeviation() : null,
            Quartiles = quartiles,
            Zeros = values.Count(v => v == 0),
            Outliers = values.Count(v => v < low || v > high),
        };
    }

    private static ColumnProfile WithDates(ColumnProfile profile, DateTimeColumn dates)
    {
        var present = dates.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return profile;
        }

        return profile with
        {
            MinText = present.Min().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).Replace(" 00:00", string.Empty, StringComparison.Ordinal),
            MaxText = present.Max().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).Replace(" 00:00", string.Empty, StringComparison.Ordinal),
        };
    }
}
