namespace Raciflow.Data.Profiling;

/// <summary>A stored profile (EDA) report of a dataset version: where the HTML lives in the artifact store.</summary>
public sealed class DatasetProfile
{
    public long Id { get; set; }

    public long DatasetVersionId { get; set; }

    /// <summary>Artifact key of the self-contained HTML report, under <c>reports/</c>.</summary>
    public required string ReportKey { get; set; }

    /// <summary>SHA-256 of the HTML bytes.</summary>
    public required string Hash { get; set; }

    public long SizeBytes { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
