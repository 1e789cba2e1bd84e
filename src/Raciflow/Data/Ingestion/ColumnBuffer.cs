namespace Raciflow.Data.Ingestion;

/// <summary>One row group's worth of one column's typed values, reused from row group to row group.</summary>
internal sealed class ColumnBuffer(ColumnType type, int capacity)
{
    public double?[]? Numbers { get; } = type == ColumnType.Numeric ? new double?[capacity] : null;

    public long?[]? Integers { get; } = type == ColumnType.Integer ? new long?[capacity] : null;

    public bool?[]? Booleans { get; } = type == ColumnType.Boolean ? new bool?[capacity] : null;

    public DateTime?[]? Dates { get; } = type == ColumnType.DateTime ? new DateTime?[capacity] : null;

    /// <summary>
    /// Categorical and text values: the statistics' kept copy of a value seen before (<see cref="ColumnStatisticsBuilder.AddString"/>),
    /// else a slice of its row block's text, which outlives the write of the group.
    /// </summary>
    public ReadOnlyMemory<char>?[]? Texts { get; } = type is ColumnType.Categorical or ColumnType.Text ? new ReadOnlyMemory<char>?[capacity] : null;

    public void SetNull(int row)
    {
        switch (type)
        {
            case ColumnType.Numeric: Numbers![row] = null; break;
            case ColumnType.Integer: Integers![row] = null; break;
            case ColumnType.Boolean: Booleans![row] = null; break;
            case ColumnType.DateTime: Dates![row] = null; break;
            default: Texts![row] = null; break;
        }
    }
}
