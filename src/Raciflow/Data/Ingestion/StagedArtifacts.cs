using Raciflow.Storage;

namespace Raciflow.Data.Ingestion;

/// <summary>Where an ingest stages its files, and how finished staging files become artifacts.</summary>
internal sealed class StagedArtifacts(IArtifactStore store, TimeProvider clock)
{
    /// <summary>Staging files older than this are left over from a killed add (no add runs this long) and are removed.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>Stores a finished staging file; content-addressed keys that exist already hold the same bytes.</summary>
    public async Task PutFileAsync(string key, string file, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.ExistsAsync(key, cancellationToken))
            {
                return;
            }

            if (store is LocalArtifactStore local)
            {
                local.PutFile(key, file);
                return;
            }

            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await store.PutAsync(key, stream, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw RaciflowException.Unavailable($"The artifact store {store.Location} cannot store '{key}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Staging files sit inside a local artifact store (so storing them is a rename) or in the temp folder; their
    /// '.rf-tmp' suffix keeps them out of listings, and a crashed add leaves nothing any reader uses.
    /// </summary>
    public string StagingDirectory()
    {
        var directory = store is LocalArtifactStore local
            ? Path.Combine(local.RootDirectory, ".staging")
            : Path.Combine(Path.GetTempPath(), "raciflow-staging");
        try
        {
            Directory.CreateDirectory(directory);
            RemoveAbandoned(directory);
            return directory;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw RaciflowException.Unavailable($"The artifact store {store.Location} cannot be written: {ex.Message}", ex);
        }
    }

    private void RemoveAbandoned(string directory)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - AbandonedAfter;
        foreach (var file in Directory.EnumerateFiles(directory, "*.rf-tmp"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                TableIngestor.TryDelete(file);
            }
        }
    }
}
