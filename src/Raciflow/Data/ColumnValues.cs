namespace Raciflow.Data;

/// <summary>Reads the present values of a column, with their row indices, for checks and profiles.</summary>
internal static class ColumnValues
{
    /// <summary>True for numeric and integer columns; booleans are stored as numbers but are not quantities.</summary>
    public static bool IsQuantity(FrameColumn column) =>
        column is NumericColumn && column.Type is ColumnType.Numeric or ColumnType.Integer;

    /// <summary>Columns whose values are labels: categorical and boolean.</summary>
    public static bool IsCategory(FrameColumn column) => column.Type is ColumnType.Categorical or ColumnType.Boolean;

    /// <summary>The non-missing numbers of a numeric column, in row order.</summary>
    public static double[] Present(NumericColumn column)
    {
        var values = new List<double>(column.Length);
        foreach (var v in column.Values)
        {
            if (!double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        return values.ToArray();
    }

    /// <summary>How many rows hold each non-missing value, most frequent first, ties in ordinal order.</summary>
    public static IReadOnlyList<ValueCount> Counts(FrameColumn column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var row = 0; row < column.Length; row++)
        {
            var value = column.Format(row);
            if (value is not null)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ValueCount(p.Key, p.Value))
            .ToList();
    }

    /// <summary>How many distinct non-missing values a column holds; numbers and dates are compared as values, not text.</summary>
    public static int DistinctCount(FrameColumn column) => column switch
    {
        NumericColumn n => n.Values.Where(v => !double.IsNaN(v)).Distinct().Count(),
        DateTimeColumn d => d.Values.Where(v => v is not null).Distinct().Count(),
        _ => Counts(column).Count,
    };

    /// <summary>The first non-missing value as text, or null when every value is missing.</summary>
    public static string? FirstPresent(FrameColumn column)
    {
        for (var row = 0; row < column.Length; row++)
        {
            if (column.Format(row) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>How people find a row: 1-based, as in a spreadsheet without its header.</summary>
    public static string RowLabel(int row) => $"row {row + 1}";
}
