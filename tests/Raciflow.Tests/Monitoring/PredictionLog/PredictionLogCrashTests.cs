using Microsoft.EntityFrameworkCore;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>
/// Failures between the queue and the disk: what was acknowledged as logged (flushed: written and indexed) is not
/// lost, what was in flight is counted, and no file is indexed unless it was stored whole.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class PredictionLogCrashTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AcknowledgedRecordsSurviveAWriterThatStopsMidWriteAndTheInFlightOnesAreCountedAsLost(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var store = new FaultyArtifactStore(ws.Workspace.Artifacts);
        var logger = new PredictionLogger(store, ws.Workspace.Metadata, ws.Workspace.Clock, Fast());
        await LogAsync(logger, Regression("r1", Day1, 1), Regression("r2", Day1.AddSeconds(1), 2), Regression("r3", Day1.AddSeconds(2), 3));

        store.Mode = FaultyArtifactStore.Fault.Hang;
        Assert.True(logger.TryLog(Regression("r4", Day1.AddSeconds(3), 4)));
        Assert.True(logger.TryLog(Regression("r5", Day1.AddSeconds(4), 5)));
        var flush = logger.FlushAsync();
        await WaitUntilAsync(() => store.Hanging == 1, "the writer is stuck writing r4 and r5");

        // The process "dies" here: the logger is abandoned mid-write. A fresh reader sees exactly what was acknowledged.
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(["r1", "r2", "r3"], rows.Select(r => r.RequestId));
        Assert.False(flush.IsCompleted);
        Assert.Equal(2, logger.Counters.Pending);
        await AssertEveryStoredFileIsIndexedAsync(ws, expectedFiles: 1);

        // Had it lived on, the writer would count the records it could not store as failed, not as written.
        store.Release(then: FaultyArtifactStore.Fault.Throw);
        var counters = await flush;
        Assert.Equal(new PredictionLogCounters(5, 3, 0, 2, 0), counters);
        Assert.IsType<IOException>(logger.LastError);
        await AssertEveryStoredFileIsIndexedAsync(ws, expectedFiles: 1);
        await logger.DisposeAsync();
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task FailingWritesAreRetriedThenCountedAndLaterRecordsStillGetWritten(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var store = new FaultyArtifactStore(ws.Workspace.Artifacts) { Mode = FaultyArtifactStore.Fault.Throw };
        await using var logger = new PredictionLogger(store, ws.Workspace.Metadata, ws.Workspace.Clock, Fast());
        Assert.True(logger.TryLog(Regression("r1", Day1, 1)));
        Assert.True(logger.TryLog(Regression("r2", Day1.AddSeconds(1), 2)));

        var counters = await logger.FlushAsync();

        Assert.Equal(new PredictionLogCounters(2, 0, 0, 2, 0), counters);
        Assert.Equal(3, store.Puts);
        Assert.IsType<IOException>(logger.LastError);
        await AssertEveryStoredFileIsIndexedAsync(ws, expectedFiles: 0);

        store.Mode = FaultyArtifactStore.Fault.None;
        await LogAsync(logger, Regression("r3", Day1.AddSeconds(2), 3));
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(["r3"], rows.Select(r => r.RequestId));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWriteWhoseAcknowledgementIsLostIsRetriedWithoutDuplicatingRows(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var store = new FaultyArtifactStore(ws.Workspace.Artifacts) { Mode = FaultyArtifactStore.Fault.WriteThenThrowOnce };
        await using var logger = new PredictionLogger(store, ws.Workspace.Metadata, ws.Workspace.Clock, Fast());

        await LogAsync(logger, Regression("r1", Day1, 1), Regression("r2", Day1.AddSeconds(1), 2));

        Assert.Equal(2, store.Puts);
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(["r1", "r2"], rows.Select(r => r.RequestId));
        await AssertEveryStoredFileIsIndexedAsync(ws, expectedFiles: 1);
    }

    [Fact]
    public async Task RecordsWithAnInvalidModelNameAreCountedAsFailedWithoutStoppingTheWriter()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        Assert.True(logger.TryLog(Regression("bad", Day1, 1, model: "../escape")));
        Assert.True(logger.TryLog(Regression("good", Day1, 1)));

        var counters = await logger.FlushAsync();

        Assert.Equal(new PredictionLogCounters(2, 1, 0, 1, 0), counters);
        Assert.Contains("../escape", logger.LastError!.Message, StringComparison.Ordinal);
    }

    /// <summary>Every object under predictions/ has exactly one index row, and there are as many as expected.</summary>
    private static async Task AssertEveryStoredFileIsIndexedAsync(TestWorkspace ws, int expectedFiles)
    {
        var stored = new List<string>();
        await foreach (var info in ws.Workspace.Artifacts.ListAsync("predictions/"))
        {
            stored.Add(info.Key);
        }

        await using var db = ws.Workspace.Metadata.CreateContext();
        var indexed = await db.Set<PredictionLogFile>().Select(f => f.ArtifactKey).ToListAsync();
        Assert.Equal(expectedFiles, indexed.Count);
        Assert.Equal(stored.Order(StringComparer.Ordinal), indexed.Order(StringComparer.Ordinal));
    }
}
