using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Raciflow.Storage;
using Raciflow.Workspaces;

namespace Raciflow.Tracking;

/// <summary>
/// Artifacts of runs at <c>runs/{runId}/artifacts/{path}</c>. Bytes are spooled to a temporary file while hashed,
/// stored atomically, and only then recorded, so a crash leaves at most an unreferenced object, never a record
/// pointing at missing or partial bytes.
/// </summary>
internal sealed class RunArtifacts(Workspace workspace)
{
    public static string KeyOf(string runId, string path) => $"runs/{runId}/artifacts/{path}";

    public async Task<ArtifactEntry> UploadAsync(string runId, string path, Stream content, CancellationToken cancellationToken)
    {
        path = ValidPath(path);
        await using (var db = workspace.Metadata.CreateContext())
        {
            var status = await TrackingService.RequireRunAsync(db, runId, cancellationToken);
            if (status != RunStatus.Running)
            {
                throw RaciflowException.Conflict($"Run {runId} is {status.ToString().ToLowerInvariant()}; only running runs take new artifacts.");
            }
        }

        var spool = Path.Combine(Path.GetTempPath(), $"raciflow-artifact-{Guid.NewGuid():N}.tmp");
        try
        {
            string sha256;
            long size;
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose))
            {
                (sha256, size) = await CopyHashingAsync(content, file, cancellationToken);
                file.Position = 0;
                await workspace.Artifacts.PutAsync(KeyOf(runId, path), file, cancellationToken);
            }

            return await RecordAsync(runId, path, size, sha256, cancellationToken);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public async Task<(ArtifactEntry Entry, Stream Content)> OpenAsync(string runId, string path, CancellationToken cancellationToken)
    {
        path = ValidPath(path);
        await using var db = workspace.Metadata.CreateContext();
        await TrackingService.RequireRunAsync(db, runId, cancellationToken);
        var artifact = await db.Set<RunArtifact>().AsNoTracking().SingleOrDefaultAsync(a => a.RunId == runId && a.Path == path, cancellationToken)
            ?? throw RaciflowException.NotFound($"Run {runId} has no artifact '{path}'.");
        return (RunMapper.ToEntry(artifact), await workspace.Artifacts.OpenReadAsync(KeyOf(runId, path), cancellationToken));
    }

    public async Task<IReadOnlyList<ArtifactEntry>> ListAsync(string runId, string? prefix, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        await TrackingService.RequireRunAsync(db, runId, cancellationToken);
        var query = db.Set<RunArtifact>().AsNoTracking().Where(a => a.RunId == runId);
        if (!string.IsNullOrEmpty(prefix))
        {
            query = query.Where(a => a.Path.StartsWith(prefix));
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.Path, StringComparer.Ordinal).Select(RunMapper.ToEntry).ToList();
    }

    private async Task<ArtifactEntry> RecordAsync(string runId, string path, long size, string sha256, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var artifact = await db.Set<RunArtifact>().SingleOrDefaultAsync(a => a.RunId == runId && a.Path == path, cancellationToken);
        if (artifact is null)
        {
            artifact = new RunArtifact { RunId = runId, Path = path, Sha256 = sha256 };
            db.Add(artifact);
        }

        artifact.Size = size;
        artifact.Sha256 = sha256;
        artifact.CreatedAt = StoredTime.Now(workspace);
        await db.SaveChangesAsync(cancellationToken);
        return RunMapper.ToEntry(artifact);
    }

    private static async Task<(string Sha256, long Size)> CopyHashingAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }

        await target.FlushAsync(cancellationToken);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static string ValidPath(string path)
    {
        var valid = ArtifactKey.Validate(path);
        if (valid.Length > TrackingLimits.PathLength)
        {
            throw RaciflowException.Invalid($"Artifact path '{valid[..40]}…' is longer than {TrackingLimits.PathLength} characters.", "path");
        }

        return valid;
    }
}
