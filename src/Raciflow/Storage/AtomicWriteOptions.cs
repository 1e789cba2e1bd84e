namespace Raciflow.Storage;

/// <summary>How <see cref="AtomicFile"/> puts a finished file in place.</summary>
public sealed record AtomicWriteOptions
{
    public static readonly AtomicWriteOptions Default = new();

    /// <summary>
    /// False to refuse to replace an existing file (an <see cref="IOException"/>, the old file untouched), for
    /// files that are created once and must not be clobbered by a concurrent writer.
    /// </summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>The permissions of the new file on Unix (e.g. 600 for secrets); null for the process's default.</summary>
    public UnixFileMode? UnixCreateMode { get; init; }
}
