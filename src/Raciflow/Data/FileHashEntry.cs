namespace Raciflow.Data;

/// <summary>
/// A remembered hash of a local file keyed by path, size and modification time (as DVC does), so re-adding an
/// unchanged large file needs no re-read.
/// </summary>
public sealed class FileHashEntry
{
    public required string Path { get; set; }

    public long Size { get; set; }

    public long ModifiedTicks { get; set; }

    public required string Hash { get; set; }
}
