namespace Raciflow.Registry;

/// <summary>One move of an alias, kept forever: who moved it, when, from which version to which, and why.</summary>
public sealed class AliasMove
{
    public long Id { get; set; }

    public long ModelId { get; set; }

    public required string Alias { get; set; }

    /// <summary>The version number it pointed at before; null when the alias was new.</summary>
    public int? FromVersion { get; set; }

    /// <summary>The version number it points at after; null when the alias was removed.</summary>
    public int? ToVersion { get; set; }

    public required string MovedBy { get; set; }

    public DateTime MovedAt { get; set; }

    /// <summary>E.g. "approval 12", "rollback", "retraining 4".</summary>
    public string? Reason { get; set; }
}
