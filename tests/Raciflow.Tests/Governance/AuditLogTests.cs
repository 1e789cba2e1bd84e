using Microsoft.EntityFrameworkCore;
using Raciflow.Governance;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class AuditLogTests
{
    [Fact]
    public void TheHashIsSha256OfTheCanonicalSerialisation()
    {
        var e = new AuditEvent
        {
            Sequence = 1, Time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567), Actor = "ann", Role = "data-scientist",
            Task = "experiment", Action = "train", Target = "churn", Outcome = "allowed", After = "run 1", PreviousHash = AuditHasher.Genesis, Hash = string.Empty,
        };
        var canonical = "{\"sequence\":1,\"time\":\"2026-01-02T03:04:05.123456Z\",\"actor\":\"ann\",\"role\":\"data-scientist\",\"task\":\"experiment\","
            + "\"action\":\"train\",\"target\":\"churn\",\"outcome\":\"allowed\",\"before\":null,\"after\":\"run 1\",\"requestId\":null,"
            + "\"previousHash\":\"" + AuditHasher.Genesis + "\"}";
        Assert.Equal(ApiTokenHash(canonical), AuditHasher.Compute(e));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560), AuditHasher.Truncate(e.Time));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnUntouchedChainVerifies(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        var events = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 100));
        Assert.Equal([5L, 4, 3, 2, 1], events.Select(e => e.Sequence));
        Assert.Equal(AuditHasher.Genesis, events[^1].PreviousHash);
        Assert.Equal(events[1].Hash, events[0].PreviousHash);
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(5, result.Events);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnEditedEventIsDetectedAtItsSequenceNumber(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        await SqlAsync(ws, "UPDATE audit_events SET target = 'someone else' WHERE sequence = 3");
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("changed after it was written", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ADeletedEventIsDetected(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        await SqlAsync(ws, "DELETE FROM audit_events WHERE sequence = 3");
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("event 3 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ADeletedAndRenumberedEventIsDetected(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        await SqlAsync(ws, "DELETE FROM audit_events WHERE sequence = 3");
        await SqlAsync(ws, "UPDATE audit_events SET sequence = -(sequence - 1) WHERE sequence > 3");
        await SqlAsync(ws, "UPDATE audit_events SET sequence = -sequence WHERE sequence < 0");
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("previous hash differs", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnEventInsertedWithACorrectlyComputedHashBreaksTheChainAtTheNextEvent(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        string hash2;
        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            hash2 = await db.Set<AuditEvent>().Where(e => e.Sequence == 2).Select(e => e.Hash).SingleAsync();
        }

        // Make room for a forged event 3 (two steps, so the unique index never sees a duplicate).
        await SqlAsync(ws, "UPDATE audit_events SET sequence = -(sequence + 1) WHERE sequence >= 3");
        await SqlAsync(ws, "UPDATE audit_events SET sequence = -sequence WHERE sequence < 0");
        var forged = new AuditEvent
        {
            Sequence = 3, Time = AuditHasher.Truncate(DateTime.UtcNow), Actor = "mallory", Role = "ml-engineer", Task = "packaging-deployment",
            Action = "models.alias.production", Target = "churn v9", Outcome = "allowed", PreviousHash = hash2, Hash = string.Empty,
        };
        forged.Hash = AuditHasher.Compute(forged);
        await InsertAsync(ws, forged);

        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("does not follow event 3", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnEventAppendedBehindTheLogsBackIsDetected(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 3);
        await InsertAsync(ws, new AuditEvent
        {
            Sequence = 4, Time = DateTime.UtcNow, Actor = "mallory", Task = "experiment", Action = "train", Outcome = "allowed",
            PreviousHash = AuditHasher.Genesis, Hash = new string('a', 64),
        });
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(4, result.BrokenAt);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ReorderedEventsAreDetected(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 5);
        await SqlAsync(ws, "UPDATE audit_events SET sequence = -2 WHERE sequence = 2");
        await SqlAsync(ws, "UPDATE audit_events SET sequence = 2 WHERE sequence = 3");
        await SqlAsync(ws, "UPDATE audit_events SET sequence = 3 WHERE sequence = -2");
        var result = await AuditLog.VerifyAsync(ws.Workspace.Metadata);
        Assert.Equal(2, result.BrokenAt);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ConcurrentAppendsGetDistinctConsecutiveSequenceNumbersAndAValidChain(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var other = await ws.ReopenAsync();
        var writers = Enumerable.Range(0, 12).Select(async i =>
        {
            var governance = new GovernanceService(i % 2 == 0 ? ws.Workspace : other, Raciflow.Governance.Members.Credentials.None);
            var grant = await governance.AuthorizeAsync(GovernedActions.RunsLog, $"run {i}");
            await governance.AuditAsync(grant, null, $"metric {i}");
        });
        await Task.WhenAll(writers);

        var events = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 100));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), events.Select(e => e.Sequence).Order());
        Assert.Equal(12, events.Select(e => e.Target).Distinct().Count());
        Assert.True((await AuditLog.VerifyAsync(ws.Workspace.Metadata)).IsIntact);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheLogFiltersByTaskAndActor(StoreKind kind)
    {
        using var ws = await WithEventsAsync(kind, 4);
        var grant = await ws.Anonymous.AuthorizeAsync(GovernedActions.DataAdd, "penguins");
        await ws.Anonymous.AuditAsync(grant with { Actor = "other" }, null, "v1");
        Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Task: "data-pipeline")));
        Assert.Equal(4, (await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Actor: "local-user"))).Count);
        Assert.Equal(2, (await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 2))).Count);
    }

    private static async Task<GovernanceWorkspace> WithEventsAsync(StoreKind kind, int count)
    {
        var ws = await GovernanceWorkspace.CreateAsync(kind);
        for (var i = 1; i <= count; i++)
        {
            var grant = await ws.Anonymous.AuthorizeAsync(GovernedActions.Train, $"model {i}");
            await ws.Anonymous.AuditAsync(grant, i == 1 ? null : $"run {i - 1}", $"run {i}");
        }

        return ws;
    }

    private static async Task SqlAsync(GovernanceWorkspace ws, string sql)
    {
        await using var db = ws.Workspace.Metadata.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task InsertAsync(GovernanceWorkspace ws, AuditEvent e)
    {
        await using var db = ws.Workspace.Metadata.CreateContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (sequence, time, actor, role, task, action, target, outcome, before, after, request_id, previous_hash, hash)
            VALUES ({e.Sequence}, {e.Time}, {e.Actor}, {e.Role}, {e.Task}, {e.Action}, {e.Target}, {e.Outcome}, {e.Before}, {e.After}, {e.RequestId}, {e.PreviousHash}, {e.Hash})
            """);
    }

    private static string ApiTokenHash(string text) => Raciflow.Governance.Members.ApiToken.Hash(text);
}
