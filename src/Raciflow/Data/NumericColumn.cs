using System.Globalization;

namespace Raciflow.Data;

/// <summary>Numeric, integer and boolean (0/1) values as doubles; NaN marks a missing value.</summary>
public sealed class NumericColumn(string name, ColumnType type, double[] values) : FrameColumn(name, type)
{
    public double[] Values { get; } = values;

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    public override string? Format(int row)
    {
        var v = Values[row];
        if (double.IsNaN(v))
        {
            return null;
        }

        return Type == ColumnType.Boolean ? (v != 0 ? "true" : "false") : v.ToString("R", CultureInfo.InvariantCulture);
    }

    public override FrameColumn Take(IReadOnlyList<int> rows)
    {
        var taken = new double[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }

        return new NumericColumn(Name, Type, taken);
    }
}
