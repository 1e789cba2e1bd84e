namespace Raciflow.Data;

/// <summary>What changed from one dataset version to another: columns, types, row counts and column statistics.</summary>
public sealed record DatasetDiff(
    string From,
    string To,
    long FromRows,
    long ToRows,
    IReadOnlyList<string> AddedColumns,
    IReadOnlyList<string> RemovedColumns,
    IReadOnlyList<ColumnTypeChange> TypeChanges,
    IReadOnlyList<ColumnStatisticChange> StatisticChanges)
{
    public bool SchemaChanged => AddedColumns.Count > 0 || RemovedColumns.Count > 0 || TypeChanges.Count > 0;
}
