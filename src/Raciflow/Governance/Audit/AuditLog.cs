using Microsoft.EntityFrameworkCore;
using Raciflow.Storage.Metadata;

namespace Raciflow.Governance.Audit;

/// <summary>
/// The append-only audit log. Appends run inside the caller's transaction (so an action, its audit event and its
/// notifications commit together) and are serialised: PostgreSQL takes a transaction-scoped advisory lock, SQLite's
/// write transactions are exclusive already; the unique sequence number is the backstop, with a retry around it.
/// </summary>
public static class AuditLog
{
    /// <summary>Arbitrary but fixed key of the PostgreSQL advisory lock that serialises appends.</summary>
    private const long AppendLockKey = 0x5241_4349_4155_44; // "RACIAUD"

    public static async Task<AuditEvent> AppendAsync(RaciflowDbContext db, AuditEntry entry, DateTime now, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit appends must run inside a transaction (use GovernanceTransaction.RunAsync).");
        }

        await SerializeAsync(db, cancellationToken);
        var last = await db.Set<AuditEvent>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var audit = new AuditEvent
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            Time = AuditHasher.Truncate(now),
            Actor = entry.Actor,
            Role = entry.Role,
            Task = entry.Task,
            Action = entry.Action,
            Target = entry.Target,
            Outcome = entry.Outcome,
            Before = entry.Before,
            After = entry.After,
            RequestId = entry.RequestId,
            PreviousHash = last?.Hash ?? AuditHasher.Genesis,
            Hash = string.Empty,
        };
        audit.Hash = AuditHasher.Compute(audit);
        db.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        return audit;
    }

    /// <summary>
    /// Makes the rest of the caller's transaction run after any other governance writer's: a transaction-scoped
    /// advisory lock on PostgreSQL; on SQLite the write transaction (BEGIN IMMEDIATE) is exclusive already.
    /// </summary>
    public static async Task SerializeAsync(RaciflowDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<AuditEvent>> ListAsync(MetadataStore store, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        var events = db.Set<AuditEvent>().AsNoTracking();
        if (query.Task is { Length: > 0 } task)
        {
            events = events.Where(e => e.Task == task);
        }

        if (query.Actor is { Length: > 0 } actor)
        {
            events = events.Where(e => e.Actor == actor);
        }

        if (query.Action is { Length: > 0 } action)
        {
            events = events.Where(e => e.Action == action);
        }

        return await events.OrderByDescending(e => e.Sequence).Take(Math.Max(1, query.Limit)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Walks the chain in sequence order and reports the first event that is wrong: a gap or duplicate in the
    /// sequence (deleted or inserted events), a previous hash that is not the hash of the event before (reordered or
    /// inserted), or a hash that does not match the event's content (edited).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(MetadataStore store, CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        long expected = 1;
        var previous = AuditHasher.Genesis;
        long count = 0;
        await foreach (var e in db.Set<AuditEvent>().AsNoTracking().OrderBy(e => e.Sequence).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (e.Sequence != expected)
            {
                var problem = e.Sequence > expected
                    ? $"event {expected} is missing (found {e.Sequence} next): events were deleted"
                    : $"sequence {e.Sequence} appears where {expected} was expected: an event was inserted or renumbered";
                return new AuditVerification(count, expected, problem);
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Sequence, $"event {e.Sequence} does not follow event {e.Sequence - 1}: its previous hash differs (events were inserted, deleted or reordered)");
            }

            if (!string.Equals(AuditHasher.Compute(e), e.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Sequence, $"event {e.Sequence} was changed after it was written: its content does not match its hash");
            }

            previous = e.Hash;
            expected++;
        }

        return new AuditVerification(count, null, null);
    }
}
