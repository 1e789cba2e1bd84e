namespace Raciflow.Storage;

/// <summary>
/// The folder form of <see cref="AtomicFile"/>: a folder is built in a hidden temporary sibling and renamed into
/// place only once complete, so a failure leaves nothing behind. An existing folder is moved aside, the new one
/// renamed in, and the old one deleted; if the rename fails the old folder is put back.
/// </summary>
/// <remarks>
/// Replacing a folder takes two renames (Linux has no portable atomic exchange of folders), so for an instant the
/// target is absent; it is never partly written.
/// </remarks>
public static class AtomicDirectory
{
    /// <summary>
    /// Runs <paramref name="build"/> on an empty temporary folder beside <paramref name="path"/>, then publishes it
    /// there (replacing an existing folder). Returns what <paramref name="build"/> returned.
    /// </summary>
    public static async Task<T> WriteAsync<T>(string path, Func<string, Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var target = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            var result = await build(temporary);
            Publish(temporary, target);
            return result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void Publish(string temporary, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }

        var old = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.old");
        Directory.Move(target, old);
        try
        {
            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        TryDelete(old);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
