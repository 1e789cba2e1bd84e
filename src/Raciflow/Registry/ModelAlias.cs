namespace Raciflow.Registry;

/// <summary>A movable name (staging, production, champion…) pointing at one version of a model.</summary>
public sealed class ModelAlias
{
    public long ModelId { get; set; }

    public required string Alias { get; set; }

    public long VersionId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
