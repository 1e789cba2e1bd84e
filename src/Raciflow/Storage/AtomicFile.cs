using System.Text;
using System.Text.RegularExpressions;

namespace Raciflow.Storage;

/// <summary>
/// The one way Raciflow writes a file that someone may read: the content goes to a temporary file beside the target
/// (same folder, so the rename never crosses file systems), is flushed to disk, and is renamed over the target. A
/// reader sees the old file or the whole new one, never a torn write; a crash or an error mid-write leaves the old
/// file as it was and removes the temporary (a process killed outright can leave one, which
/// <see cref="IsTemporary"/> recognises so listings skip it).
/// </summary>
/// <remarks>The parent folder must exist: callers decide whether a missing folder is created or is the user's error.</remarks>
public static partial class AtomicFile
{
    private const int BufferSize = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);

    public static Task WriteAllTextAsync(string path, string text, AtomicWriteOptions options, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(Utf8.GetBytes(text), ct).AsTask(), options, cancellationToken);

    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), AtomicWriteOptions.Default, cancellationToken);

    /// <summary>Writes whatever <paramref name="write"/> puts in the stream it is given, atomically.</summary>
    public static Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        WriteAsync(path, write, AtomicWriteOptions.Default, cancellationToken);

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, AtomicWriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(options);
        var target = Path.GetFullPath(path);
        var temporary = TemporaryPathFor(target);
        try
        {
            await using (var stream = Create(temporary, options))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, options.Overwrite);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(Utf8.GetBytes(text)), AtomicWriteOptions.Default);

    /// <summary>The synchronous form, for callers with no async path (raciflow.yaml edits, the credentials file).</summary>
    public static void Write(string path, Action<Stream> write, AtomicWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(options);
        var target = Path.GetFullPath(path);
        var temporary = TemporaryPathFor(target);
        try
        {
            using (var stream = Create(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, options.Overwrite);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Puts a finished file (e.g. a staged ingest output) at <paramref name="path"/>, replacing what is there: it is
    /// moved beside the target first (a rename on one file system; a copy when it lives on another), flushed to disk,
    /// then renamed over the target, so the target is never a half-copied file.
    /// </summary>
    public static void MoveIntoPlace(string sourceFile, string path)
    {
        var target = Path.GetFullPath(path);
        var temporary = TemporaryPathFor(target);
        try
        {
            File.Move(sourceFile, temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Whether a file name is one of this helper's temporaries (left behind only by a killed process).</summary>
    public static bool IsTemporary(string path) => TemporaryName().IsMatch(Path.GetFileName(path));

    /// <summary>A hidden sibling with a unique name, so concurrent writers of one target never share a temporary.</summary>
    private static string TemporaryPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    private static FileStream Create(string path, AtomicWriteOptions options)
    {
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = BufferSize };
        if (options.UnixCreateMode is { } mode && !OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = mode;
        }

        return new FileStream(path, streamOptions);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary is recognised by IsTemporary and never read as the target.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
