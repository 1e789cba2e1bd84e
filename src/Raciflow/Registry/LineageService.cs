using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Tracking;
using Raciflow.Workspaces;

namespace Raciflow.Registry;

/// <summary>Lineage both ways: from a model version down to its source file, and from a dataset version up to its models.</summary>
public sealed class LineageService(Workspace workspace)
{
    public async Task<ModelLineage> ForModelAsync(ModelRef reference, CancellationToken cancellationToken = default)
    {
        var version = await new ModelRegistry(workspace).GetAsync(reference, cancellationToken);
        await using var db = workspace.Metadata.CreateContext();
        var run = await db.Set<Run>().AsNoTracking().Include(r => r.Experiment).SingleAsync(r => r.Id == version.RunId, cancellationToken);
        var parent = run.ParentRunId is { } parentId
            ? await db.Set<Run>().AsNoTracking().Include(r => r.Experiment).SingleOrDefaultAsync(r => r.Id == parentId, cancellationToken)
            : null;
        var dataset = version.DatasetVersionId is { } d ? await DatasetAsync(db, d, cancellationToken) : null;
        var split = version.SplitId is { } s ? await db.Set<DatasetSplit>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == s, cancellationToken) : null;
        return new ModelLineage
        {
            Version = version,
            Run = Describe(run),
            ParentRun = parent is null ? null : Describe(parent),
            Dataset = dataset,
            Split = split is null ? null : new LineageSplit(split.Id, split.Hash, split.Seed, split.TrainRows, split.ValidationRows, split.TestRows),
        };
    }

    /// <summary>A run (id or unique prefix) with its dataset version and the model versions made from it or its children.</summary>
    public async Task<RunLineageLinks> ForRunAsync(string runIdOrPrefix, CancellationToken cancellationToken = default)
    {
        var tracking = new TrackingService(workspace);
        var run = await tracking.GetRunAsync(await tracking.ResolveRunIdAsync(runIdOrPrefix, cancellationToken), cancellationToken);
        await using var db = workspace.Metadata.CreateContext();
        var datasetVersionId = run.Lineage.DatasetVersionId;
        if (datasetVersionId is null && run.Run.ParentRunId is { } parentId)
        {
            // A training job records the dataset on its parent run; the algorithms' runs under it trained on it too.
            datasetVersionId = await db.Set<Run>().Where(r => r.Id == parentId).Select(r => r.DatasetVersionId).SingleOrDefaultAsync(cancellationToken);
        }

        if (datasetVersionId is not { } id)
        {
            return new RunLineageLinks(run, null, []);
        }

        var children = await db.Set<Run>().Where(r => r.ParentRunId == run.Run.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var models = await new ModelRegistry(workspace).VersionsTrainedOnAsync(id, cancellationToken);
        return new RunLineageLinks(run, await DatasetAsync(db, id, cancellationToken), models.Where(m => m.RunId == run.Run.Id || children.Contains(m.RunId)).ToList());
    }

    public async Task<DatasetLineage> ForDatasetAsync(DatasetRef reference, CancellationToken cancellationToken = default)
    {
        var version = await new DatasetService(workspace).ResolveAsync(reference, cancellationToken);
        await using var db = workspace.Metadata.CreateContext();
        var dataset = await DatasetAsync(db, version.Id, cancellationToken);
        // A training job records the dataset on its parent run; the algorithms' runs under it trained on it too.
        var jobs = await db.Set<Run>().Where(r => r.DatasetVersionId == version.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var runs = await db.Set<Run>().AsNoTracking().Include(r => r.Experiment)
            .Where(r => r.DatasetVersionId == version.Id || (r.ParentRunId != null && jobs.Contains(r.ParentRunId) && r.Tags.All(t => t.Key != "kind" || t.Value != "trial")))
            .OrderBy(r => r.StartTime).ToListAsync(cancellationToken);
        var models = await new ModelRegistry(workspace).VersionsTrainedOnAsync(version.Id, cancellationToken);
        return new DatasetLineage(dataset!, runs.Select(Describe).ToList(), models);
    }

    private static async Task<LineageDataset?> DatasetAsync(Storage.Metadata.RaciflowDbContext db, long id, CancellationToken cancellationToken)
    {
        var v = await db.Set<DatasetVersion>().AsNoTracking().Include(x => x.Dataset).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (v is null)
        {
            return null;
        }

        var parent = v.ParentId is { } p ? await db.Set<DatasetVersion>().AsNoTracking().Include(x => x.Dataset).SingleOrDefaultAsync(x => x.Id == p, cancellationToken) : null;
        return new LineageDataset(v.Id, v.Label, v.Hash, v.SourceName, v.SourceFormat, v.RowCount, parent?.Label);
    }

    private static LineageRun Describe(Run r) =>
        new(r.Id, r.Name, r.Experiment?.Name ?? string.Empty, r.Status.ToString().ToLowerInvariant(), r.StartedBy, r.StartTime, r.GitCommit, r.GitDirty);
}
