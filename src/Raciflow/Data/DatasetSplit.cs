namespace Raciflow.Data;

/// <summary>
/// A recorded train/validation/test split of a dataset version: the exact row indices of each part live in the
/// artifact store (<see cref="IndicesKey"/>), so every run can name precisely what it trained and tested on.
/// </summary>
public sealed class DatasetSplit
{
    public long Id { get; set; }

    public long DatasetVersionId { get; set; }

    public int Seed { get; set; }

    public double TrainFraction { get; set; }

    public double ValidationFraction { get; set; }

    public double TestFraction { get; set; }

    public string? StratifyColumn { get; set; }

    public int TrainRows { get; set; }

    public int ValidationRows { get; set; }

    public int TestRows { get; set; }

    /// <summary>SHA-256 of the indices file; the split's identity.</summary>
    public required string Hash { get; set; }

    public required string IndicesKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
