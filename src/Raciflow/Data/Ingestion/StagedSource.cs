namespace Raciflow.Data.Ingestion;

/// <summary>
/// The result of the first pass: a private copy of the source, its hash, and the inferred schema. When the first
/// pass could also convert the table (a CSV whose early rows predicted its types), it carries the finished Parquet
/// copy and statistics too, and no second pass is needed.
/// </summary>
internal sealed record StagedSource(string Format, string CopyPath, string Hash, long SizeBytes, DatasetSchema Schema, long Rows)
{
    /// <summary>The staged Parquet copy written during the first pass, or null when a second pass must write it.</summary>
    public string? ParquetPath { get; init; }

    /// <summary>The statistics gathered during the first pass; set exactly when <see cref="ParquetPath"/> is.</summary>
    public IReadOnlyList<ColumnStatistics>? Statistics { get; init; }
}
