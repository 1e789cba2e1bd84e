using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Raciflow.Storage;
using Raciflow.Workspaces;

namespace Raciflow.Data.Profiling;

/// <summary>
/// Builds the HTML profile report of a dataset version, stores it under <c>reports/</c> in the artifact store,
/// records its key with the version and, when asked, writes a copy to a local file.
/// </summary>
public sealed class DatasetProfileService(Workspace workspace)
{
    /// <summary>Resolves and loads a dataset version, then profiles it; loading counts for the first tenth of the progress.</summary>
    public async Task<ProfileResult> ProfileAsync(
        DatasetRef reference, string? outputPath = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var datasets = new DatasetService(workspace);
        var version = await datasets.ResolveAsync(reference, cancellationToken);
        var frame = await datasets.LoadFrameAsync(version, cancellationToken);
        progress?.Report(0.1);
        return await ProfileAsync(version, frame, outputPath, Scaled(progress, 0.1, 1), cancellationToken);
    }

    /// <summary>Profiles <paramref name="frame"/>, the loaded content of <paramref name="version"/>.</summary>
    public async Task<ProfileResult> ProfileAsync(
        DatasetVersion version, Frame frame, string? outputPath = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var report = DatasetProfiler.Profile(version.Label, frame, workspace.Project?.Data, workspace.UtcNow, Scaled(progress, 0, 0.2));
        cancellationToken.ThrowIfCancellationRequested();
        var html = ProfileHtmlWriter.Write(report, frame, Scaled(progress, 0.2, 0.95));
        var bytes = Encoding.UTF8.GetBytes(html);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = ArtifactKey.ContentAddressed("reports/profiles", hash, ".html");
        using (var content = new MemoryStream(bytes, writable: false))
        {
            await workspace.Artifacts.PutAsync(key, content, cancellationToken);
        }

        var stored = new DatasetProfile
        {
            DatasetVersionId = version.Id,
            ReportKey = key,
            Hash = hash,
            SizeBytes = bytes.Length,
            CreatedAt = workspace.UtcNow,
            CreatedBy = workspace.Actor,
        };
        await using (var db = workspace.Metadata.CreateContext())
        {
            db.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }

        string? written = null;
        if (outputPath is not null)
        {
            written = await WriteFileAtomicallyAsync(Path.GetFullPath(outputPath, workspace.Directory), bytes, cancellationToken);
        }

        progress?.Report(1);
        return new ProfileResult(report, stored, written);
    }

    /// <summary>The latest stored profile of a version, or null when it was never profiled.</summary>
    public async Task<DatasetProfile?> GetLatestAsync(long datasetVersionId, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await db.Set<DatasetProfile>().AsNoTracking()
            .Where(p => p.DatasetVersionId == datasetVersionId)
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Writes beside the target and renames over it, so a reader never sees half a report.</summary>
    private static async Task<string> WriteFileAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw RaciflowException.Invalid($"Cannot write the report to '{path}': the folder '{directory}' does not exist.", path);
        }

        try
        {
            await AtomicFile.WriteAllBytesAsync(path, bytes, cancellationToken);
            return path;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new RaciflowException(ErrorKind.Forbidden, $"Cannot write the report to '{path}': {ex.Message}", ex) { Location = path };
        }
    }

    private static IProgress<double>? Scaled(IProgress<double>? progress, double from, double to) =>
        progress is null ? null : new ScaledProgress(progress, from, to);
}
