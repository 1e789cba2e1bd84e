namespace Raciflow.Registry;

/// <summary>A named model in the registry; its content lives in numbered, immutable <see cref="ModelVersion"/>s.</summary>
public sealed class RegisteredModel
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<ModelVersion> Versions { get; set; } = [];

    public List<ModelAlias> Aliases { get; set; } = [];
}
