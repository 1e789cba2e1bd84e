using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Storage;
using Raciflow.Tracking;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Registry;

/// <summary>
/// The model registry: turns a finished run's bundle into a numbered, immutable model version (bundle copied to
/// content-addressed storage, signature derived from the training rows), and moves aliases between versions,
/// keeping the history of every move. Authorization is the caller's (CLI, API), through Governance.
/// </summary>
public sealed class ModelRegistry(Workspace workspace)
{
    /// <summary>Where a training run keeps its model; see <c>TrainingRunLogger</c>.</summary>
    public const string BundleArtifactPath = "model/bundle.zip";

    private readonly RegistryQueries _queries = new(workspace);

    public Workspace Workspace => workspace;

    /// <summary>
    /// Registers the model of <paramref name="runIdOrPrefix"/> as the next version of <paramref name="name"/> (created
    /// on first use). A training job's parent run stands for its best model (tag best_run).
    /// </summary>
    public async Task<ModelVersionDetails> RegisterAsync(string runIdOrPrefix, string name, string? description = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        ModelName.Validate(name);
        var tracking = new TrackingService(workspace);
        var run = await RunWithBundleAsync(tracking, await tracking.ResolveRunIdAsync(runIdOrPrefix, cancellationToken), cancellationToken);

        byte[] bytes;
        var (_, content) = await tracking.OpenArtifactAsync(run.Run.Id, BundleArtifactPath, cancellationToken);
        await using (content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        using var bundleStream = new MemoryStream(bytes, writable: false);
        var bundle = ModelBundle.Load(bundleStream, AlgorithmCatalog.CreateDefault());
        // A training job records its dataset and split on the parent run; each algorithm's run inherits them.
        var lineage = run.Lineage.DatasetVersionId is null && run.Run.ParentRunId is { } parentId
            ? (await tracking.GetRunAsync(parentId, cancellationToken)).Lineage
            : run.Lineage;
        var signature = ModelSignatureBuilder.Build(bundle, await TrainingRowsAsync(lineage, cancellationToken));

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = ArtifactKey.ContentAddressed("models", sha, ".zip");
        if (!await workspace.Artifacts.ExistsAsync(key, cancellationToken))
        {
            // The bundle is stored before the row that points at it, so a version never names a missing file.
            await workspace.Artifacts.PutAsync(key, new MemoryStream(bytes, writable: false), cancellationToken);
        }

        var metrics = run.Run.Metrics.Count > 0 ? run.Run.Metrics : bundle.Metrics;
        var row = new ModelVersion
        {
            RunId = run.Run.Id,
            DatasetVersionId = lineage.DatasetVersionId,
            SplitId = lineage.SplitId,
            Algorithm = bundle.Algorithm,
            Task = bundle.Task.ToString().ToLowerInvariant(),
            Target = bundle.Target,
            MetricsJson = JsonSerializer.Serialize(metrics),
            SignatureJson = signature.ToJson(),
            BundleKey = key,
            BundleSha256 = sha,
            BundleSize = bytes.LongLength,
            Description = description,
            CreatedBy = actor ?? workspace.Actor,
        };
        var number = await RegistryWrites.InsertVersionAsync(workspace, name, row, cancellationToken);
        return await GetAsync(ModelRef.ForVersion(name, number), cancellationToken);
    }

    public Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken cancellationToken = default) => _queries.ListAsync(cancellationToken);

    /// <summary>MODEL@VERSION, MODEL@ALIAS, or MODEL alone for its latest version.</summary>
    public Task<ModelVersionDetails> GetAsync(ModelRef reference, CancellationToken cancellationToken = default) => _queries.GetAsync(reference, cancellationToken);

    /// <summary>Like <see cref="GetAsync"/>, but MODEL alone means its production alias (what serving uses).</summary>
    public Task<ModelVersionDetails> GetServedAsync(ModelRef reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return GetAsync(reference.Version is null && reference.Alias is null ? reference with { Alias = ModelAliases.Production } : reference, cancellationToken);
    }

    public Task<IReadOnlyList<ModelVersionDetails>> VersionsAsync(string name, CancellationToken cancellationToken = default) => _queries.VersionsAsync(name, cancellationToken);

    public Task<IReadOnlyList<AliasHistoryEntry>> AliasHistoryAsync(string name, string? alias = null, CancellationToken cancellationToken = default) =>
        _queries.AliasHistoryAsync(name, alias, cancellationToken);

    /// <summary>Every model version made from runs that trained on <paramref name="datasetVersionId"/>.</summary>
    public Task<IReadOnlyList<ModelVersionDetails>> VersionsTrainedOnAsync(long datasetVersionId, CancellationToken cancellationToken = default) =>
        _queries.VersionsTrainedOnAsync(datasetVersionId, cancellationToken);

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/> and records the move; a no-op move is not recorded.</summary>
    public Task<AliasHistoryEntry> SetAliasAsync(string name, int version, string alias, string? reason = null, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistryWrites.MoveAliasAsync(workspace, ModelName.Validate(name), ModelName.ValidateAlias(alias), version, reason, actor ?? workspace.Actor, cancellationToken);

    public Task<AliasHistoryEntry> RemoveAliasAsync(string name, string alias, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistryWrites.MoveAliasAsync(workspace, ModelName.Validate(name), ModelName.ValidateAlias(alias), null, "removed", actor ?? workspace.Actor, cancellationToken);

    /// <summary>The version <paramref name="alias"/> pointed at before its latest move (what a rollback returns to).</summary>
    public async Task<int> PreviousVersionAsync(string name, string alias = ModelAliases.Production, CancellationToken cancellationToken = default)
    {
        var history = await AliasHistoryAsync(name, alias, cancellationToken);
        var current = await GetAsync(ModelRef.ForAlias(name, alias), cancellationToken);
        var last = history.FirstOrDefault(h => h.To == current.Version && h.From is not null && h.From != current.Version);
        return last?.From ?? throw RaciflowException.Conflict(
            $"Model '{name}' has no earlier version in '{alias}' to roll back to: {alias} points at version {current.Version} and has no earlier move.");
    }

    /// <summary>Opens the stored bundle of a version (a zip, see <see cref="ModelBundle.Save"/>).</summary>
    public Task<Stream> OpenBundleAsync(ModelVersionDetails version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return workspace.Artifacts.OpenReadAsync(version.BundleKey, cancellationToken);
    }

    public async Task<ModelBundle> LoadBundleAsync(ModelVersionDetails version, CancellationToken cancellationToken = default)
    {
        await using var stream = await OpenBundleAsync(version, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return ModelBundle.Load(buffer, AlgorithmCatalog.CreateDefault());
    }

    private static async Task<RunDetails> RunWithBundleAsync(TrackingService tracking, string runId, CancellationToken cancellationToken)
    {
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        if (run.Artifacts.All(a => a.Path != BundleArtifactPath) && run.Run.Tags.TryGetValue("best_run", out var best))
        {
            run = await tracking.GetRunAsync(best, cancellationToken);
        }

        if (run.Artifacts.All(a => a.Path != BundleArtifactPath))
        {
            throw new RaciflowException(ErrorKind.Unprocessable, $"Run {run.Run.Id} ('{run.Run.Name}') has no model bundle ({BundleArtifactPath}); register a run made by 'raciflow train'.") { Location = "run" };
        }

        if (run.Run.Status != RunStatus.Finished)
        {
            throw new RaciflowException(ErrorKind.Unprocessable, $"Run {run.Run.Id} is {run.Run.Status.ToString().ToLowerInvariant()}, not finished; only a finished run's model can be registered.") { Location = "run" };
        }

        return run;
    }

    /// <summary>The rows a version was fitted on (its run's split's training rows): the reference for drift; empty when unknown.</summary>
    public Task<Frame> LoadTrainingRowsAsync(ModelVersionDetails version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return TrainingRowsAsync(new RunLineage { DatasetVersionId = version.DatasetVersionId, SplitId = version.SplitId, PackageVersions = new Dictionary<string, string>() }, cancellationToken);
    }

    /// <summary>The rows the model was fitted on, for the signature's ranges and categories; empty when unknown.</summary>
    private async Task<Frame> TrainingRowsAsync(RunLineage lineage, CancellationToken cancellationToken)
    {
        if (lineage.DatasetVersionId is not { } versionId)
        {
            return new Frame([]);
        }

        var datasets = new DatasetService(workspace);
        await using var db = workspace.Metadata.CreateContext();
        var version = await db.Set<DatasetVersion>().AsNoTracking().Include(v => v.Dataset).SingleAsync(v => v.Id == versionId, cancellationToken);
        var frame = await datasets.LoadFrameAsync(version, cancellationToken);
        if (lineage.SplitId is not { } splitId)
        {
            return frame;
        }

        var splits = new Data.Splitting.DatasetSplitService(workspace);
        var indices = await splits.LoadSplitIndicesAsync(await splits.GetSplitAsync(splitId, cancellationToken), cancellationToken);
        return frame.Take(indices.Train);
    }

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
