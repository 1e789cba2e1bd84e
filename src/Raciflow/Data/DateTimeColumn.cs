using System.Globalization;

namespace Raciflow.Data;

/// <summary>Date and time values (UTC or unspecified kind); null marks a missing value.</summary>
public sealed class DateTimeColumn(string name, DateTime?[] values) : FrameColumn(name, ColumnType.DateTime)
{
    public DateTime?[] Values { get; } = values;

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => Values[row] is null;

    public override string? Format(int row)
    {
        var v = Values[row];
        if (v is null)
        {
            return null;
        }

        return v.Value.TimeOfDay == TimeSpan.Zero
            ? v.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : v.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    public override FrameColumn Take(IReadOnlyList<int> rows)
    {
        var taken = new DateTime?[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }

        return new DateTimeColumn(Name, taken);
    }
}
