using System.Runtime.CompilerServices;

namespace Raciflow.Storage;

/// <summary>
/// Artifacts on local disk, written with <see cref="AtomicFile"/>: readers see either the old object or the whole
/// new one, never a torn write.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    /// <summary>The suffix of an ingest's staging files (kept inside the store so storing them is a rename); never listed.</summary>
    private const string StagingSuffix = ".rf-tmp";
    private readonly string _root;

    public LocalArtifactStore(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
        Location = new Uri("file://" + _root);
    }

    public Uri Location { get; }

    public string RootDirectory => _root;

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAsync(path, (output, ct) => content.CopyToAsync(output, 1 << 16, ct), cancellationToken);
    }

    /// <summary>Moves a finished local file into the store without copying when both are on one disk.</summary>
    public void PutFile(string key, string sourceFile)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.MoveIntoPlace(sourceFile, path);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw RaciflowException.NotFound($"Artifact '{key}' does not exist in {Location}.");
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        TryDelete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        var keys = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(StagingSuffix, StringComparison.Ordinal) && !AtomicFile.IsTemporary(f))
            .Select(f => (Key: Path.GetRelativePath(_root, f).Replace('\\', '/'), File: f))
            .Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(k => k.Key, StringComparer.Ordinal);
        foreach (var (key, file) in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ArtifactInfo(key, new FileInfo(file).Length);
        }
    }

    /// <summary>The absolute path of a key; exposed so local tools (e.g. report viewers) can open files directly.</summary>
    public string PathOf(string key) => Path.Combine(_root, ArtifactKey.Validate(key));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary is ignored by every reader.
        }
    }
}
