using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;
using Raciflow.Storage.Metadata;

namespace Raciflow.Governance;

/// <summary>
/// Runs governance writes in one transaction on a fresh context, retrying when a concurrent writer wins the race
/// (SQLite busy, PostgreSQL serialisation failure or deadlock, or a unique index that settles a race).
/// </summary>
public static class GovernanceTransaction
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbUpdateException>(IsTransient).Handle<SqliteException>(IsTransient).Handle<PostgresException>(IsTransient),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
        })
        .Build();

    public static Task<T> RunAsync<T>(MetadataStore store, Func<RaciflowDbContext, Task<T>> work, CancellationToken cancellationToken = default) =>
        Retry.ExecuteAsync(
            async token =>
            {
                await using var db = store.CreateContext();
                return await RunInAsync(db, work, token);
            },
            cancellationToken).AsTask();

    /// <summary>Runs in the caller's context: joins its open transaction, or opens and commits one.</summary>
    public static async Task<T> RunInAsync<T>(RaciflowDbContext db, Func<RaciflowDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(db);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Tables whose unique indexes settle races between writers: a duplicate audit sequence number (the retry takes
    /// the next one), or an inbox item another dispatcher delivered first (the retry sees it and only marks the message).
    /// </summary>
    private static readonly string[] RaceTables = ["audit_events", "inbox_items"];

    private static bool IsTransient(Exception ex) => ex switch
    {
        DbUpdateException db => db.InnerException is { } inner && IsTransient(inner),
        SqliteException s => s.SqliteErrorCode is 5 or 6 || (s.SqliteErrorCode == 19 && RaceTables.Any(t => s.Message.Contains(t + ".", StringComparison.Ordinal))),
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            || (p.SqlState == PostgresErrorCodes.UniqueViolation && RaceTables.Contains(p.TableName)),
        _ => false,
    };
}
