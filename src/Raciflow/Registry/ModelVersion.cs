namespace Raciflow.Registry;

/// <summary>
/// One registered version of a model: the run it came from, what that run trained on, its metrics, its signature
/// and its bundle. Immutable once written; aliases move between versions instead.
/// </summary>
public sealed class ModelVersion
{
    public long Id { get; set; }

    public long ModelId { get; set; }

    public RegisteredModel? Model { get; set; }

    /// <summary>1, 2, 3… in order of registration within the model.</summary>
    public int Number { get; set; }

    public required string RunId { get; set; }

    public long? DatasetVersionId { get; set; }

    public long? SplitId { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>"regression", "binary" or "multiclass".</summary>
    public required string Task { get; set; }

    public required string Target { get; set; }

    /// <summary>Metrics of the run (test, validation and cross-validation), as JSON.</summary>
    public required string MetricsJson { get; set; }

    /// <summary>The <see cref="ModelSignature"/> as JSON.</summary>
    public required string SignatureJson { get; set; }

    /// <summary>Artifact key of the bundle (content-addressed), copied from the run so the version outlives it.</summary>
    public required string BundleKey { get; set; }

    public required string BundleSha256 { get; set; }

    public long BundleSize { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>How people write this version: NAME@NUMBER.</summary>
    public string Label => $"{Model?.Name ?? ModelId.ToString(System.Globalization.CultureInfo.InvariantCulture)}@{Number}";
}
