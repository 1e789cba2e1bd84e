using Raciflow.Training;

namespace Raciflow.Registry;

/// <summary>A model version as people and programs see it: identity, lineage, metrics, signature, bundle and aliases.</summary>
public sealed record ModelVersionDetails
{
    public required string Model { get; init; }

    public required int Version { get; init; }

    public required string RunId { get; init; }

    /// <summary>NAME@NUMBER of the dataset version the run trained on, when known.</summary>
    public string? Dataset { get; init; }

    public long? DatasetVersionId { get; init; }

    public long? SplitId { get; init; }

    public required string Algorithm { get; init; }

    public required TaskKind Task { get; init; }

    public required string Target { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public required ModelSignature Signature { get; init; }

    public required string BundleKey { get; init; }

    public required string BundleSha256 { get; init; }

    public long BundleSize { get; init; }

    /// <summary>The aliases pointing at this version now.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    public string? Description { get; init; }

    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public string Label => $"{Model}@{Version}";
}
