using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Storage.Metadata;
using Raciflow.Tracking.Search;
using Raciflow.Workspaces;

namespace Raciflow.Tracking;

/// <summary>
/// Experiment tracking over a workspace: experiments, runs with their lineage, params (immutable), metrics
/// (many points per key), tags (mutable) and artifacts, plus search and comparison. Thread-safe: every call
/// uses its own short-lived database context. Training code uses <see cref="StartRunAsync"/>.
/// </summary>
public sealed class TrackingService(Workspace workspace)
{
    private readonly RunArtifacts _artifacts = new(workspace);

    public Workspace Workspace => workspace;

    public async Task<ExperimentInfo> CreateExperimentAsync(string name, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        name = TrackingValidation.Name(name, "experiment name");
        await using var db = workspace.Metadata.CreateContext();
        if (await db.Set<Experiment>().AnyAsync(e => e.Name == name, cancellationToken))
        {
            throw RaciflowException.Conflict($"Experiment '{name}' already exists.");
        }

        var experiment = NewExperiment(name, tags);
        db.Add(experiment);
        await SaveAsync(db, () => RaciflowException.Conflict($"Experiment '{name}' already exists."), cancellationToken);
        return RunMapper.ToInfo(experiment, 0);
    }

    public async Task<ExperimentInfo> GetExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        var found = await db.Set<Experiment>().AsNoTracking()
            .Where(e => e.Name == name)
            .Select(e => new { Experiment = e, Runs = e.Runs.Count })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RaciflowException.NotFound($"Experiment '{name}' does not exist.");
        return RunMapper.ToInfo(found.Experiment, found.Runs);
    }

    /// <summary>Experiments by name; <paramref name="nameContains"/> keeps those whose name contains it (any case).</summary>
    public async Task<IReadOnlyList<ExperimentInfo>> ListExperimentsAsync(string? nameContains = null, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        var query = db.Set<Experiment>().AsNoTracking();
        if (!string.IsNullOrEmpty(nameContains))
        {
            var pattern = nameContains.ToLowerInvariant();
            query = query.Where(e => e.Name.ToLower().Contains(pattern));
        }

        var rows = await query.OrderBy(e => e.Name).Select(e => new { Experiment = e, Runs = e.Runs.Count }).ToListAsync(cancellationToken);
        return rows.Select(r => RunMapper.ToInfo(r.Experiment, r.Runs)).ToList();
    }

    /// <summary>
    /// Starts a run in this process: captures lineage and starts measuring CPU and memory. Dispose the result;
    /// unless <see cref="ActiveRun.CompleteAsync"/> was called, the run is marked failed.
    /// </summary>
    public async Task<ActiveRun> StartRunAsync(StartRunOptions options, CancellationToken cancellationToken = default)
    {
        var meter = ResourceUsage.Start();
        var details = await CreateRunAsync(options, cancellationToken);
        return new ActiveRun(this, details.Run, meter);
    }

    /// <summary>Runs <paramref name="body"/> inside a run: finished when it returns, failed with its error when it throws.</summary>
    public async Task<T> RunAsync<T>(StartRunOptions options, Func<ActiveRun, Task<T>> body, CancellationToken cancellationToken = default)
    {
        await using var run = await StartRunAsync(options, cancellationToken);
        try
        {
            var result = await body(run);
            await run.CompleteAsync(cancellationToken);
            return result;
        }
        catch (Exception ex)
        {
            await run.FailAsync(ex, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Records a new running run and returns it; used directly by remote clients that manage the run's life themselves.</summary>
    public async Task<RunDetails> CreateRunAsync(StartRunOptions options, CancellationToken cancellationToken = default)
    {
        var experimentName = TrackingValidation.Name(options.Experiment, "experiment name");
        var batch = new RunBatch { Tags = options.Tags ?? new Dictionary<string, string>() };
        TrackingValidation.Batch(batch);
        var id = Guid.NewGuid().ToString("N");
        var name = options.Name is null ? "run-" + id[..8] : TrackingValidation.Name(options.Name, "run name");
        var (gitCommit, gitDirty) = options.CaptureEnvironment
            ? await LineageCapture.GitAsync(workspace.Directory, cancellationToken)
            : (options.GitCommit, options.GitDirty);
        var run = new Run
        {
            Id = id,
            Name = name,
            ParentRunId = options.ParentRunId,
            Status = RunStatus.Running,
            StartedBy = options.User ?? workspace.Actor,
            StartTime = StoredTime.Now(workspace),
            DatasetVersionId = options.DatasetVersionId,
            SplitId = options.SplitId,
            GitCommit = gitCommit,
            GitDirty = gitDirty,
            ProjectFileSha256 = await LineageCapture.FileSha256Async(workspace.ProjectFile, cancellationToken),
            PackageVersions = options.CaptureEnvironment ? LineageCapture.PackageVersions() : new Dictionary<string, string>(options.PackageVersions ?? new Dictionary<string, string>()),
            CommandLine = options.CaptureEnvironment ? LineageCapture.CommandLine() : options.CommandLine,
            Tags = batch.Tags.Select(t => new RunTag { RunId = id, Key = t.Key, Value = t.Value }).ToList(),
        };

        await using var db = workspace.Metadata.CreateContext();
        await CheckReferencesAsync(db, options, cancellationToken);
        run.ExperimentId = await ExperimentIdAsync(experimentName, cancellationToken);
        db.Add(run);
        await SaveAsync(db, () => RaciflowException.Conflict($"Run {id} could not be stored: it conflicts with stored state."), cancellationToken);
        return await GetRunAsync(id, cancellationToken);
    }

    /// <summary>Ends a running run. <paramref name="usage"/> is the CPU and memory it used, when the caller measured it.</summary>
    public async Task<RunSummary> EndRunAsync(string runId, RunStatus status, string? errorMessage = null, ResourceUsage? usage = null, CancellationToken cancellationToken = default)
    {
        if (status == RunStatus.Running)
        {
            throw RaciflowException.Invalid("A run ends as finished, failed or killed, not running.", "status");
        }

        await using var db = workspace.Metadata.CreateContext();
        var run = await db.Set<Run>().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) ?? throw RunNotFound(runId);
        if (run.Status != RunStatus.Running)
        {
            throw RaciflowException.Conflict($"Run {runId} already ended as {run.Status.ToString().ToLowerInvariant()}.");
        }

        run.Status = status;
        run.EndTime = StoredTime.Now(workspace);
        run.ErrorMessage = errorMessage is { Length: > 4000 } ? errorMessage[..4000] : errorMessage;
        run.CpuSeconds = usage?.CpuSeconds ?? run.CpuSeconds;
        run.PeakMemoryBytes = usage?.PeakMemoryBytes ?? run.PeakMemoryBytes;
        await db.SaveChangesAsync(cancellationToken);
        return (await GetRunAsync(runId, cancellationToken)).Run;
    }

    public async Task<RunDetails> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        var run = await WithChildren(db).Include(r => r.Artifacts).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) ?? throw RunNotFound(runId);
        return RunMapper.ToDetails(run);
    }

    /// <summary>The full id of the run whose id is or starts with <paramref name="idOrPrefix"/> (at least 4 characters), as the CLI shows short ids.</summary>
    public async Task<string> ResolveRunIdAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        var text = idOrPrefix.Trim().ToLowerInvariant();
        await using var db = workspace.Metadata.CreateContext();
        if (await db.Set<Run>().AnyAsync(r => r.Id == text, cancellationToken))
        {
            return text;
        }

        if (text.Length < 4 || !text.All(char.IsAsciiHexDigit))
        {
            throw RunNotFound(idOrPrefix);
        }

        var matches = await db.Set<Run>().Where(r => r.Id.StartsWith(text)).OrderBy(r => r.Id).Select(r => r.Id).Take(6).ToListAsync(cancellationToken);
        return matches.Count switch
        {
            0 => throw RunNotFound(idOrPrefix),
            1 => matches[0],
            _ => throw new RaciflowException(ErrorKind.Invalid, $"Run id prefix '{idOrPrefix}' matches several runs; give more characters.") { Location = "run", Details = matches },
        };
    }

    /// <summary>Finds runs by filter (see <see cref="RunFilter"/>) in the given order (see <see cref="RunOrder"/>).</summary>
    public async Task<IReadOnlyList<RunSummary>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken = default)
    {
        if (request.MaxResults is < 1 or > 10_000)
        {
            throw RaciflowException.Invalid($"The result limit must be between 1 and 10000, not {request.MaxResults}.", "maxResults");
        }

        if (request.Offset < 0)
        {
            throw RaciflowException.Invalid($"The offset must not be negative, not {request.Offset}.", "offset");
        }

        var filter = RunFilter.Parse(request.Filter);
        var order = RunOrder.Parse(request.OrderBy);
        await using var db = workspace.Metadata.CreateContext();
        var query = db.Set<Run>().AsNoTracking();
        if (request.Experiments is { Count: > 0 } names)
        {
            await RequireExperimentsAsync(db, names, cancellationToken);
            query = query.Where(r => names.Contains(r.Experiment!.Name));
        }

        query = RunQueryBuilder.OrderBy(RunQueryBuilder.Where(query, filter), order);

        // Page the ids first, then load children by id: ordering by subqueries and eager loading do not mix well.
        var ids = await query.Skip(request.Offset).Take(request.MaxResults).Select(r => r.Id).ToListAsync(cancellationToken);
        var runs = await WithChildren(db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return ids.Select(id => RunMapper.ToSummary(runs[id])).ToList();
    }

    /// <summary>Params and latest metrics of several runs side by side, keys sorted, values in the order of <paramref name="runIds"/>.</summary>
    public async Task<RunComparison> CompareRunsAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        if (runIds.Count == 0)
        {
            throw RaciflowException.Invalid("Name at least one run to compare.", "runs");
        }

        await using var db = workspace.Metadata.CreateContext();
        var distinct = runIds.Distinct(StringComparer.Ordinal).ToList();
        var loaded = await WithChildren(db).Where(r => distinct.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var missing = distinct.Where(id => !loaded.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new RaciflowException(ErrorKind.NotFound, $"Run {missing[0]} does not exist.") { Details = missing.Select(id => $"run {id} does not exist").ToList() };
        }

        var runs = distinct.Select(id => RunMapper.ToSummary(loaded[id])).ToList();
        var paramRows = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(k => new ParamComparisonRow(k, runs.Select(r => r.Params.GetValueOrDefault(k)).ToList())).ToList();
        var metricRows = runs.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(k => new MetricComparisonRow(k, runs.Select(r => r.Metrics.TryGetValue(k, out var v) ? v : (double?)null).ToList())).ToList();
        return new RunComparison(runs, paramRows, metricRows);
    }

    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, new RunBatch { Params = new Dictionary<string, string> { [key] = value } }, cancellationToken);

    public Task LogMetricAsync(string runId, string key, double value, long step = 0, DateTime? timestamp = null, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, new RunBatch { Metrics = [new MetricPoint(key, value, step, timestamp)] }, cancellationToken);

    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        SetTagsAsync(runId, new Dictionary<string, string> { [key] = value }, cancellationToken);

    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, new RunBatch { Tags = tags }, cancellationToken);

    /// <summary>
    /// Stores metrics, params and tags of one run in one transaction. Params are immutable: logging a key again
    /// with the same value is harmless, with another value a conflict. Only running runs take metrics and params;
    /// tags may change at any time.
    /// </summary>
    public async Task LogBatchAsync(string runId, RunBatch batch, CancellationToken cancellationToken = default)
    {
        TrackingValidation.Batch(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await using var db = workspace.Metadata.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var status = await db.Set<Run>().Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).SingleOrDefaultAsync(cancellationToken) ?? throw RunNotFound(runId);
        if (status != RunStatus.Running && (batch.Metrics.Count > 0 || batch.Params.Count > 0))
        {
            throw RaciflowException.Conflict($"Run {runId} is {status.ToString()!.ToLowerInvariant()}; only running runs take new metrics and params.");
        }

        var newParams = await NewParamsAsync(db, runId, batch.Params, cancellationToken);
        var writer = new RunBatchWriter(db, workspace.Metadata.Provider);
        await writer.InsertParamsAsync(runId, newParams, cancellationToken);
        await writer.UpsertTagsAsync(runId, batch.Tags, cancellationToken);
        await writer.InsertMetricsAsync(runId, batch.Metrics, StoredTime.Now(workspace), cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw RaciflowException.Conflict($"Logging to run {runId} conflicted with a concurrent write: {ex.Message}");
        }
    }

    /// <summary>All points of one metric, in step order, for curves.</summary>
    public async Task<IReadOnlyList<MetricPoint>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        await RequireRunAsync(db, runId, cancellationToken);
        return await db.Set<RunMetric>().AsNoTracking().Where(m => m.RunId == runId && m.Key == key)
            .OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Id)
            .Select(m => new MetricPoint(m.Key, m.Value, m.Step, m.Timestamp)).ToListAsync(cancellationToken);
    }

    /// <summary>Stores an artifact of a running run; the record appears only after its bytes are stored.</summary>
    public Task<ArtifactEntry> LogArtifactAsync(string runId, string path, Stream content, CancellationToken cancellationToken = default) =>
        _artifacts.UploadAsync(runId, path, content, cancellationToken);

    public async Task<ArtifactEntry> LogArtifactFileAsync(string runId, string file, string? path = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            throw RaciflowException.NotFound($"Artifact file '{file}' does not exist.");
        }

        await using var stream = File.OpenRead(file);
        return await _artifacts.UploadAsync(runId, path ?? Path.GetFileName(file), stream, cancellationToken);
    }

    /// <summary>Opens a stored artifact for reading; the caller disposes the stream.</summary>
    public Task<(ArtifactEntry Entry, Stream Content)> OpenArtifactAsync(string runId, string path, CancellationToken cancellationToken = default) =>
        _artifacts.OpenAsync(runId, path, cancellationToken);

    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? prefix = null, CancellationToken cancellationToken = default) =>
        _artifacts.ListAsync(runId, prefix, cancellationToken);

    internal static RaciflowException RunNotFound(string runId) => RaciflowException.NotFound($"Run '{runId}' does not exist.");

    internal static async Task<RunStatus> RequireRunAsync(RaciflowDbContext db, string runId, CancellationToken cancellationToken) =>
        await db.Set<Run>().Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).SingleOrDefaultAsync(cancellationToken) ?? throw RunNotFound(runId);

    private static IQueryable<Run> WithChildren(RaciflowDbContext db) =>
        db.Set<Run>().AsNoTracking().AsSplitQuery().Include(r => r.Experiment).Include(r => r.Params).Include(r => r.LatestMetrics).Include(r => r.Tags);

    private static async Task<List<KeyValuePair<string, string>>> NewParamsAsync(RaciflowDbContext db, string runId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var keys = values.Keys.ToList();
        var stored = await db.Set<RunParam>().AsNoTracking().Where(p => p.RunId == runId && keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken);
        var conflicts = values.Where(v => stored.TryGetValue(v.Key, out var old) && old != v.Value).ToList();
        if (conflicts.Count > 0)
        {
            var first = conflicts[0];
            throw new RaciflowException(ErrorKind.Conflict, $"Param '{first.Key}' of run {runId} is already '{stored[first.Key]}'; params are immutable, so it cannot become '{first.Value}'.")
            {
                Location = "param." + first.Key,
                Details = conflicts.Select(c => $"param '{c.Key}': stored '{stored[c.Key]}', given '{c.Value}'").ToList(),
            };
        }

        return values.Where(v => !stored.ContainsKey(v.Key)).ToList();
    }

    private async Task CheckReferencesAsync(RaciflowDbContext db, StartRunOptions options, CancellationToken cancellationToken)
    {
        if (options.ParentRunId is { } parent && !await db.Set<Run>().AnyAsync(r => r.Id == parent, cancellationToken))
        {
            throw RaciflowException.NotFound($"Parent run '{parent}' does not exist.");
        }

        if (options.DatasetVersionId is { } version && !await db.Set<DatasetVersion>().AnyAsync(v => v.Id == version, cancellationToken))
        {
            throw RaciflowException.NotFound($"Dataset version {version} does not exist.");
        }

        if (options.SplitId is { } split && !await db.Set<DatasetSplit>().AnyAsync(s => s.Id == split, cancellationToken))
        {
            throw RaciflowException.NotFound($"Dataset split {split} does not exist.");
        }
    }

    private static async Task RequireExperimentsAsync(RaciflowDbContext db, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var known = await db.Set<Experiment>().Where(e => names.Contains(e.Name)).Select(e => e.Name).ToListAsync(cancellationToken);
        var missing = names.Except(known, StringComparer.Ordinal).FirstOrDefault();
        if (missing is not null)
        {
            throw RaciflowException.NotFound($"Experiment '{missing}' does not exist.");
        }
    }

    // Experiments are created on first use; two processes racing to create one both end up with the same row.
    private async Task<long> ExperimentIdAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = workspace.Metadata.CreateContext();
            var id = await db.Set<Experiment>().Where(e => e.Name == name).Select(e => (long?)e.Id).SingleOrDefaultAsync(cancellationToken);
            if (id is { } existing)
            {
                return existing;
            }

            var experiment = NewExperiment(name, null);
            db.Add(experiment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return experiment.Id;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
            }
        }
    }

    private Experiment NewExperiment(string name, IReadOnlyDictionary<string, string>? tags)
    {
        var batch = new RunBatch { Tags = tags ?? new Dictionary<string, string>() };
        TrackingValidation.Batch(batch);
        return new Experiment { Name = name, CreatedAt = StoredTime.Now(workspace), CreatedBy = workspace.Actor, Tags = new Dictionary<string, string>(batch.Tags) };
    }

    private static async Task SaveAsync(RaciflowDbContext db, Func<RaciflowException> onConflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new RaciflowException(ErrorKind.Conflict, $"{onConflict().Message} ({ex.GetBaseException().Message})", ex);
        }
    }
}
