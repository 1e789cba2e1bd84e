using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Raciflow.Governance;
using Raciflow.Storage.Metadata;
using Raciflow.Tracking;
using Raciflow.Workspaces;

namespace Raciflow.Registry;

/// <summary>
/// The registry's writes, each one transaction. Version numbers and the model row are taken under unique indexes,
/// so two people registering at once both succeed with consecutive numbers (the loser of a race retries).
/// </summary>
internal static class RegistryWrites
{
    private const int Attempts = 8;

    public static Task<int> InsertVersionAsync(Workspace workspace, string name, ModelVersion row, CancellationToken cancellationToken) =>
        RetryOnUniqueViolationAsync(
            () => GovernanceTransaction.RunAsync(workspace.Metadata, async db =>
                {
                    var now = StoredTime.Now(workspace);
                    var model = await db.Set<RegisteredModel>().SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
                    if (model is null)
                    {
                        model = new RegisteredModel { Name = name, CreatedAt = now, CreatedBy = row.CreatedBy };
                        db.Add(model);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    var latest = await db.Set<ModelVersion>().Where(v => v.ModelId == model.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
                    var version = Copy(row, model.Id, latest + 1, now);
                    db.Add(version);
                    await db.SaveChangesAsync(cancellationToken);
                    return version.Number;
                }, cancellationToken),
            cancellationToken);

    public static Task<AliasHistoryEntry> MoveAliasAsync(Workspace workspace, string name, string alias, int? version, string? reason, string actor, CancellationToken cancellationToken) =>
        RetryOnUniqueViolationAsync(
            () => GovernanceTransaction.RunAsync(workspace.Metadata, db => MoveInAsync(db, workspace, name, alias, version, reason, actor, cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>The loser of a race for a unique key (model name, version number, alias) reads the winner's row and tries again.</summary>
    private static async Task<T> RetryOnUniqueViolationAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (DbUpdateException ex) when (attempt < Attempts && IsUniqueViolation(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private static async Task<AliasHistoryEntry> MoveInAsync(RaciflowDbContext db, Workspace workspace, string name, string alias, int? version, string? reason, string actor, CancellationToken cancellationToken)
    {
        var model = await RegistryQueries.FindModelAsync(db, name, cancellationToken);
        long? targetId = null;
        if (version is { } number)
        {
            targetId = await db.Set<ModelVersion>().Where(v => v.ModelId == model.Id && v.Number == number).Select(v => (long?)v.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw RaciflowException.NotFound($"Model '{name}' has no version {number}.");
        }

        var pointer = await db.Set<ModelAlias>().SingleOrDefaultAsync(a => a.ModelId == model.Id && a.Alias == alias, cancellationToken);
        int? from = pointer is null ? null : await db.Set<ModelVersion>().Where(v => v.Id == pointer.VersionId).Select(v => v.Number).SingleAsync(cancellationToken);
        var now = StoredTime.Now(workspace);
        if (from == version)
        {
            return new AliasHistoryEntry(name, alias, from, version, actor, now, "unchanged");
        }

        if (targetId is null)
        {
            if (pointer is null)
            {
                throw RaciflowException.NotFound($"Model '{name}' has no alias '{alias}' to remove.");
            }

            db.Remove(pointer);
        }
        else if (pointer is null)
        {
            db.Add(new ModelAlias { ModelId = model.Id, Alias = alias, VersionId = targetId.Value, UpdatedAt = now, UpdatedBy = actor });
        }
        else
        {
            pointer.VersionId = targetId.Value;
            pointer.UpdatedAt = now;
            pointer.UpdatedBy = actor;
        }

        db.Add(new AliasMove { ModelId = model.Id, Alias = alias, FromVersion = from, ToVersion = version, MovedBy = actor, MovedAt = now, Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
        return new AliasHistoryEntry(name, alias, from, version, actor, now, reason);
    }

    private static ModelVersion Copy(ModelVersion row, long modelId, int number, DateTime now) => new()
    {
        ModelId = modelId,
        Number = number,
        RunId = row.RunId,
        DatasetVersionId = row.DatasetVersionId,
        SplitId = row.SplitId,
        Algorithm = row.Algorithm,
        Task = row.Task,
        Target = row.Target,
        MetricsJson = row.MetricsJson,
        SignatureJson = row.SignatureJson,
        BundleKey = row.BundleKey,
        BundleSha256 = row.BundleSha256,
        BundleSize = row.BundleSize,
        Description = row.Description,
        CreatedAt = now,
        CreatedBy = row.CreatedBy,
    };

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
