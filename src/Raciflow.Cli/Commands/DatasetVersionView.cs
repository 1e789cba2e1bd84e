using Raciflow.Data;

namespace Raciflow.Cli.Commands;

/// <summary>What the data commands print about a version (the stored JSON columns stay out of the way).</summary>
public sealed record DatasetVersionView(
    string Dataset,
    int Number,
    string Label,
    string Hash,
    long? ParentId,
    string SourceName,
    string SourceFormat,
    long SizeBytes,
    long Rows,
    int Columns,
    DateTime CreatedAt,
    string CreatedBy)
{
    public static DatasetVersionView Of(DatasetVersion v) => new(
        v.Dataset?.Name ?? string.Empty, v.Number, v.Label, v.Hash, v.ParentId, v.SourceName, v.SourceFormat, v.SizeBytes, v.RowCount, v.ColumnCount, v.CreatedAt, v.CreatedBy);
}
