namespace Raciflow.Data;

/// <summary>
/// One immutable version of a dataset, identified by the SHA-256 of the source bytes. Schema and statistics
/// are stored as JSON; the data itself is a Parquet copy in the artifact store (<see cref="DataKey"/>) beside the
/// original file (<see cref="SourceKey"/>).
/// </summary>
public sealed class DatasetVersion
{
    public long Id { get; set; }

    public long DatasetId { get; set; }

    public Dataset? Dataset { get; set; }

    /// <summary>1, 2, 3… in order of creation within the dataset.</summary>
    public int Number { get; set; }

    /// <summary>Lower-case hex SHA-256 of the source file's bytes.</summary>
    public required string Hash { get; set; }

    public long? ParentId { get; set; }

    /// <summary>The file name the version was added from (no directories), for people.</summary>
    public required string SourceName { get; set; }

    /// <summary>"csv" or "parquet".</summary>
    public required string SourceFormat { get; set; }

    public long SizeBytes { get; set; }

    public long RowCount { get; set; }

    public int ColumnCount { get; set; }

    public required string SchemaJson { get; set; }

    public required string StatisticsJson { get; set; }

    /// <summary>Artifact key of the columnar (Parquet) copy.</summary>
    public required string DataKey { get; set; }

    /// <summary>Artifact key of the original file, content-addressed.</summary>
    public required string SourceKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>How people write this version: NAME@NUMBER.</summary>
    public string Label => $"{Dataset?.Name ?? DatasetId.ToString(System.Globalization.CultureInfo.InvariantCulture)}@{Number}";
}
