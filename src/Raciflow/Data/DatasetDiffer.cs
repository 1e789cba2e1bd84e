namespace Raciflow.Data;

/// <summary>Compares the stored schema and statistics of two versions; it never reads the data itself.</summary>
public static class DatasetDiffer
{
    // Counts mean the same whatever the type; value statistics are compared only while the type stays the same.
    private static readonly (string Name, Func<ColumnStatistics, double?> Get)[] CountStatistics =
    [
        ("missing", s => s.Missing),
        ("invalid", s => s.Invalid),
        ("distinct", s => s.Distinct),
    ];

    private static readonly (string Name, Func<ColumnStatistics, double?> Get)[] ValueStatistics =
    [
        ("min", s => s.Min),
        ("max", s => s.Max),
        ("mean", s => s.Mean),
        ("std-dev", s => s.StdDev),
        ("median", s => s.Median),
    ];

    public static DatasetDiff Compare(DatasetVersion from, DatasetVersion to)
    {
        var fromSchema = DatasetJson.Schema(from);
        var toSchema = DatasetJson.Schema(to);
        var fromStats = DatasetJson.Statistics(from).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var toStats = DatasetJson.Statistics(to).ToDictionary(s => s.Name, StringComparer.Ordinal);

        var added = toSchema.Columns.Where(c => fromSchema.Find(c.Name) is null).Select(c => c.Name).ToList();
        var removed = fromSchema.Columns.Where(c => toSchema.Find(c.Name) is null).Select(c => c.Name).ToList();
        var typeChanges = new List<ColumnTypeChange>();
        var statisticChanges = new List<ColumnStatisticChange>();
        foreach (var column in fromSchema.Columns)
        {
            if (toSchema.Find(column.Name) is not { } other)
            {
                continue;
            }

            if (other.Type != column.Type)
            {
                typeChanges.Add(new ColumnTypeChange(column.Name, column.Type, other.Type));
            }

            if (fromStats.TryGetValue(column.Name, out var a) && toStats.TryGetValue(column.Name, out var b))
            {
                foreach (var (name, get) in other.Type == column.Type ? CountStatistics.Concat(ValueStatistics) : CountStatistics)
                {
                    var (x, y) = (get(a), get(b));
                    if (x != y)
                    {
                        statisticChanges.Add(new ColumnStatisticChange(column.Name, name, x, y));
                    }
                }
            }
        }

        return new DatasetDiff(from.Label, to.Label, from.RowCount, to.RowCount, added, removed, typeChanges, statisticChanges);
    }
}
