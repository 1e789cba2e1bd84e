namespace Raciflow.Tracking;

/// <summary>A file a run produced, stored at <c>runs/{runId}/artifacts/{path}</c>; recorded only once its bytes are stored.</summary>
public sealed class RunArtifact
{
    public required string RunId { get; set; }

    /// <summary>Relative '/'-separated path within the run, e.g. "plots/residuals.png".</summary>
    public required string Path { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTime CreatedAt { get; set; }
}
