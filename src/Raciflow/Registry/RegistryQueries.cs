using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Storage.Metadata;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Registry;

/// <summary>The registry's reads, mapping rows to the views people and programs see.</summary>
internal sealed class RegistryQueries(Workspace workspace)
{
    public async Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var models = await db.Set<RegisteredModel>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var versions = await db.Set<ModelVersion>().AsNoTracking()
            .GroupBy(v => v.ModelId).Select(g => new { ModelId = g.Key, Latest = g.Max(v => v.Number), Count = g.Count() })
            .ToDictionaryAsync(x => x.ModelId, cancellationToken);
        var aliases = await AliasNumbersAsync(db, null, cancellationToken);
        return models.Select(m => new ModelSummary(
            m.Name,
            m.Description,
            versions.TryGetValue(m.Id, out var v) ? v.Latest : 0,
            versions.TryGetValue(m.Id, out var c) ? c.Count : 0,
            aliases.Where(a => a.ModelId == m.Id).ToDictionary(a => a.Alias, a => a.Number, StringComparer.Ordinal),
            m.CreatedAt,
            m.CreatedBy)).ToList();
    }

    public async Task<ModelVersionDetails> GetAsync(ModelRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var db = workspace.Metadata.CreateContext();
        var model = await FindModelAsync(db, reference.Name, cancellationToken);
        var versions = db.Set<ModelVersion>().AsNoTracking().Include(v => v.Model).Where(v => v.ModelId == model.Id);
        ModelVersion? row;
        if (reference.Alias is { } alias)
        {
            var pointer = await db.Set<ModelAlias>().AsNoTracking().SingleOrDefaultAsync(a => a.ModelId == model.Id && a.Alias == alias, cancellationToken);
            if (pointer is null)
            {
                var known = await db.Set<ModelAlias>().Where(a => a.ModelId == model.Id).Select(a => a.Alias).OrderBy(a => a).ToListAsync(cancellationToken);
                throw RaciflowException.NotFound(known.Count == 0
                    ? $"Model '{model.Name}' has no alias '{alias}': it has no aliases yet; set one with 'raciflow models alias {model.Name} VERSION {alias}'."
                    : $"Model '{model.Name}' has no alias '{alias}'; its aliases are: {string.Join(", ", known)}.");
            }

            row = await versions.SingleAsync(v => v.Id == pointer.VersionId, cancellationToken);
        }
        else if (reference.Version is { } number)
        {
            row = await versions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
            if (row is null)
            {
                var latest = await versions.MaxAsync(v => (int?)v.Number, cancellationToken);
                throw RaciflowException.NotFound($"Model '{model.Name}' has no version {number}; its versions are 1 to {latest ?? 0}.");
            }
        }
        else
        {
            row = await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken)
                ?? throw RaciflowException.NotFound($"Model '{model.Name}' has no versions yet.");
        }

        return (await MapAsync(db, [row], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<ModelVersionDetails>> VersionsAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var model = await FindModelAsync(db, ModelName.Validate(name), cancellationToken);
        var rows = await db.Set<ModelVersion>().AsNoTracking().Include(v => v.Model).Where(v => v.ModelId == model.Id)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return await MapAsync(db, rows, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelVersionDetails>> VersionsTrainedOnAsync(long datasetVersionId, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var rows = await db.Set<ModelVersion>().AsNoTracking().Include(v => v.Model).Where(v => v.DatasetVersionId == datasetVersionId)
            .OrderBy(v => v.ModelId).ThenBy(v => v.Number).ToListAsync(cancellationToken);
        return await MapAsync(db, rows, cancellationToken);
    }

    public async Task<IReadOnlyList<AliasHistoryEntry>> AliasHistoryAsync(string name, string? alias, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var model = await FindModelAsync(db, ModelName.Validate(name), cancellationToken);
        var moves = db.Set<AliasMove>().AsNoTracking().Where(m => m.ModelId == model.Id);
        if (alias is not null)
        {
            moves = moves.Where(m => m.Alias == alias);
        }

        var rows = await moves.OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        return rows.Select(m => new AliasHistoryEntry(model.Name, m.Alias, m.FromVersion, m.ToVersion, m.MovedBy, m.MovedAt, m.Reason)).ToList();
    }

    internal static async Task<RegisteredModel> FindModelAsync(RaciflowDbContext db, string name, CancellationToken cancellationToken)
    {
        var model = await db.Set<RegisteredModel>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (model is not null)
        {
            return model;
        }

        var names = await db.Set<RegisteredModel>().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(cancellationToken);
        throw RaciflowException.NotFound(names.Count == 0
            ? $"Model '{name}' does not exist: no model is registered yet; register a run with 'raciflow models register RUN --name {name}'."
            : $"Model '{name}' does not exist; registered models are: {string.Join(", ", names)}.");
    }

    private static async Task<IReadOnlyList<ModelVersionDetails>> MapAsync(RaciflowDbContext db, IReadOnlyList<ModelVersion> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var aliases = await db.Set<ModelAlias>().AsNoTracking().Where(a => ids.Contains(a.VersionId)).ToListAsync(cancellationToken);
        var datasetIds = rows.Where(r => r.DatasetVersionId is not null).Select(r => r.DatasetVersionId!.Value).Distinct().ToList();
        var datasets = await db.Set<DatasetVersion>().AsNoTracking().Include(v => v.Dataset).Where(v => datasetIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Label, cancellationToken);
        return rows.Select(r => new ModelVersionDetails
        {
            Model = r.Model!.Name,
            Version = r.Number,
            RunId = r.RunId,
            Dataset = r.DatasetVersionId is { } d ? datasets.GetValueOrDefault(d) : null,
            DatasetVersionId = r.DatasetVersionId,
            SplitId = r.SplitId,
            Algorithm = r.Algorithm,
            Task = Enum.Parse<TaskKind>(r.Task, ignoreCase: true),
            Target = r.Target,
            Metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(r.MetricsJson) ?? [],
            Signature = ModelSignature.FromJson(r.SignatureJson),
            BundleKey = r.BundleKey,
            BundleSha256 = r.BundleSha256,
            BundleSize = r.BundleSize,
            Aliases = aliases.Where(a => a.VersionId == r.Id).Select(a => a.Alias).Order(StringComparer.Ordinal).ToList(),
            Description = r.Description,
            CreatedAt = r.CreatedAt,
            CreatedBy = r.CreatedBy,
        }).ToList();
    }

    private static async Task<List<(long ModelId, string Alias, int Number)>> AliasNumbersAsync(RaciflowDbContext db, long? modelId, CancellationToken cancellationToken)
    {
        var query = from a in db.Set<ModelAlias>().AsNoTracking()
                    join v in db.Set<ModelVersion>().AsNoTracking() on a.VersionId equals v.Id
                    select new { a.ModelId, a.Alias, v.Number };
        if (modelId is { } id)
        {
            query = query.Where(x => x.ModelId == id);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(x => (x.ModelId, x.Alias, x.Number)).ToList();
    }
}
