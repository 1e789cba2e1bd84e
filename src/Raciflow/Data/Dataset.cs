namespace Raciflow.Data;

/// <summary>A named dataset; its content lives in immutable <see cref="DatasetVersion"/>s.</summary>
public sealed class Dataset
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<DatasetVersion> Versions { get; set; } = [];
}
