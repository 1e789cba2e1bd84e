namespace Raciflow.Data;

/// <summary>A stored validation result of a dataset version: checks and expectations with their outcome.</summary>
public sealed class DatasetValidation
{
    public long Id { get; set; }

    public long DatasetVersionId { get; set; }

    public bool Passed { get; set; }

    public int Failures { get; set; }

    public int Warnings { get; set; }

    public required string ReportJson { get; set; }

    /// <summary>SHA-256 of the expectations it checked, so a result can be matched to the config that produced it.</summary>
    public required string ExpectationsHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
