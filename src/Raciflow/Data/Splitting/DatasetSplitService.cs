using Microsoft.EntityFrameworkCore;
using Raciflow.Storage;
using Raciflow.Workspaces;

namespace Raciflow.Data.Splitting;

/// <summary>
/// Records train/validation/test splits of dataset versions. The exact row indices are stored as an artifact
/// before the <see cref="DatasetSplit"/> row that points at them; asking again with the same parameters returns
/// the recorded split instead of a new one.
/// </summary>
public sealed class DatasetSplitService(Workspace workspace)
{
    /// <summary>
    /// Resolves and loads a dataset version and splits it with <paramref name="overrides"/> over raciflow.yaml's
    /// <c>data.split</c>; returns the recorded split when the same request was made before.
    /// </summary>
    public async Task<RecordedSplit> SplitAsync(DatasetRef reference, SplitOverrides overrides, CancellationToken cancellationToken = default)
    {
        var datasets = new DatasetService(workspace);
        var version = await datasets.ResolveAsync(reference, cancellationToken);
        var frame = await datasets.LoadFrameAsync(version, cancellationToken);
        var request = SplitRequest.Resolve(workspace.Project?.Data, frame, overrides);
        return new RecordedSplit(version, await SplitAsync(version, frame, request, cancellationToken));
    }

    /// <summary>Splits <paramref name="frame"/> (the loaded content of <paramref name="version"/>) or returns the split already recorded for the same request.</summary>
    public async Task<DatasetSplit> SplitAsync(DatasetVersion version, Frame frame, SplitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (await GetSplitAsync(version.Id, request, cancellationToken) is { } existing)
        {
            return existing;
        }

        var parts = DatasetSplitter.Split(frame, request, version.Label);
        var bytes = new SplitFile(version.Hash, request.Seed, request.Train, request.Validation, request.Test, request.Stratify, parts).ToBytes();
        var hash = SplitFile.HashOf(bytes);
        var key = ArtifactKey.ContentAddressed("splits", hash, ".json");
        using (var content = new MemoryStream(bytes, writable: false))
        {
            await workspace.Artifacts.PutAsync(key, content, cancellationToken);
        }

        var split = new DatasetSplit
        {
            DatasetVersionId = version.Id,
            Seed = request.Seed,
            TrainFraction = request.Train,
            ValidationFraction = request.Validation,
            TestFraction = request.Test,
            StratifyColumn = request.Stratify,
            TrainRows = parts.Train.Length,
            ValidationRows = parts.Validation.Length,
            TestRows = parts.Test.Length,
            Hash = hash,
            IndicesKey = key,
            CreatedAt = workspace.UtcNow,
            CreatedBy = workspace.Actor,
        };
        try
        {
            await using var db = workspace.Metadata.CreateContext();
            db.Add(split);
            await db.SaveChangesAsync(cancellationToken);
            return split;
        }
        catch (DbUpdateException)
        {
            // Someone may have recorded the identical split (same version and hash) between our lookup and insert.
            if (await FindByHashAsync(version.Id, hash, cancellationToken) is { } recorded)
            {
                return recorded;
            }

            throw;
        }
    }

    private async Task<DatasetSplit?> FindByHashAsync(long versionId, string hash, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await db.Set<DatasetSplit>().AsNoTracking().SingleOrDefaultAsync(s => s.DatasetVersionId == versionId && s.Hash == hash, cancellationToken);
    }

    /// <summary>The split recorded for this version and request, or null.</summary>
    public async Task<DatasetSplit?> GetSplitAsync(long datasetVersionId, SplitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = workspace.Metadata.CreateContext();
        var candidates = await db.Set<DatasetSplit>().AsNoTracking()
            .Where(s => s.DatasetVersionId == datasetVersionId && s.Seed == request.Seed && s.StratifyColumn == request.Stratify)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);

        // Fractions are compared in memory: they round-trip exactly through both providers' double columns.
        return candidates.FirstOrDefault(s => s.TrainFraction == request.Train && s.ValidationFraction == request.Validation && s.TestFraction == request.Test);
    }

    /// <summary>A recorded split by id, or a not-found error.</summary>
    public async Task<DatasetSplit> GetSplitAsync(long splitId, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await db.Set<DatasetSplit>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == splitId, cancellationToken)
            ?? throw RaciflowException.NotFound($"Split {splitId} does not exist.");
    }

    /// <summary>All splits recorded for a version, oldest first.</summary>
    public async Task<IReadOnlyList<DatasetSplit>> ListSplitsAsync(long datasetVersionId, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await db.Set<DatasetSplit>().AsNoTracking().Where(s => s.DatasetVersionId == datasetVersionId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The exact row indices of each part of a recorded split, checked against the split's hash.</summary>
    public async Task<SplitIndices> LoadSplitIndicesAsync(DatasetSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        await using var stream = await workspace.Artifacts.OpenReadAsync(split.IndicesKey, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return SplitFile.Read(buffer.ToArray(), split.Hash, split.IndicesKey).Parts;
    }
}
