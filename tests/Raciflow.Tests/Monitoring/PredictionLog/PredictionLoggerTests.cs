using Microsoft.EntityFrameworkCore;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>The logging path end to end: queue, batches, Parquet files, index, and what the reader gets back.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class PredictionLoggerTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task FlushedRecordsAreWrittenPerModelVersionAndDayIndexedAndReadBack(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        var day2 = Day1.AddDays(1);
        await LogAsync(
            logger,
            Regression("r1", Day1.AddHours(1), 10, version: 1, area: 50, city: "oslo"),
            Regression("r2", Day1.AddHours(2), 20, version: 1, area: 70, city: null),
            Regression("r3", Day1.AddHours(3), 30, version: 2),
            Regression("r4", day2.AddHours(1), 40, version: 1));

        Assert.Equal(new PredictionLogCounters(4, 4, 0, 0, 0), logger.Counters);
        await using var db = ws.Workspace.Metadata.CreateContext();
        var files = await db.Set<PredictionLogFile>().OrderBy(f => f.Version).ThenBy(f => f.Day).ToListAsync();
        Assert.Equal(
            [(1, new DateOnly(2026, 3, 1), 2), (1, new DateOnly(2026, 3, 2), 1), (2, new DateOnly(2026, 3, 1), 1)],
            files.Select(f => (f.Version, f.Day, f.RowCount)));
        Assert.Equal(Day1.AddHours(1).UtcDateTime, files[0].FirstTime);
        Assert.Equal(Day1.AddHours(2).UtcDateTime, files[0].LastTime);
        Assert.StartsWith("predictions/house-prices/v1/2026-03-01/", files[0].ArtifactKey, StringComparison.Ordinal);
        Assert.StartsWith("predictions/house-prices/v2/2026-03-01/", files[2].ArtifactKey, StringComparison.Ordinal);
        foreach (var file in files)
        {
            Assert.EndsWith(".parquet", file.ArtifactKey, StringComparison.Ordinal);
            Assert.True(await ws.Workspace.Artifacts.ExistsAsync(file.ArtifactKey), file.ArtifactKey);
        }

        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", 1, Day1, Day1.AddDays(7));
        Assert.Equal(["r1", "r2", "r4"], rows.Select(r => r.RequestId));
        Assert.Equal(50.0, rows[0].Inputs["area"]);
        Assert.Equal("oslo", rows[0].Inputs["city"]);
        Assert.Null(rows[1].Inputs["city"]);
        Assert.Equal(10, rows[0].Output!.Value);
        Assert.Equal(1.5, rows[0].LatencyMs);
        Assert.Equal(Day1.AddHours(1).UtcDateTime, rows[0].Time);
        Assert.Equal(PredictionStatus.Ok, rows[0].Status);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ClassProbabilitiesAndFailedRequestsAreKept(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        var failed = Binary("b2", Day1.AddMinutes(2), 0.3) with { Output = null, Status = PredictionStatus.Error };
        await LogAsync(logger, Binary("b1", Day1.AddMinutes(1), 0.8), failed);

        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("churn", null, Day1, Day1.AddDays(1));
        Assert.Equal("yes", rows[0].Output!.Label);
        Assert.Equal(0.8, rows[0].Output!.Probabilities!["yes"], 12);
        Assert.Equal(0.2, rows[0].Output!.Probabilities!["no"], 12);
        Assert.Null(rows[0].Output!.Value);
        Assert.Equal(PredictionStatus.Error, rows[1].Status);
        Assert.Null(rows[1].Output);
        Assert.Equal(12.0, rows[1].Inputs["tenure"]);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task DisposingWritesWhatIsStillQueued(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var logger = new PredictionLogger(ws.Workspace, Fast());
        for (var i = 0; i < 30; i++)
        {
            Assert.True(logger.TryLog(Regression($"r{i:D2}", Day1.AddSeconds(i), i)));
        }

        await logger.DisposeAsync();

        Assert.Equal(new PredictionLogCounters(30, 30, 0, 0, 0), logger.Counters);
        Assert.False(logger.TryLog(Regression("late", Day1, 1)));
        Assert.Equal(1, logger.Counters.Dropped);
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(30, rows.Count);
    }

    [Fact]
    public async Task APartBatchIsWrittenWhenTheFlushIntervalPasses()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast() with { FlushInterval = TimeSpan.FromMilliseconds(50) });
        Assert.True(logger.TryLog(Regression("r1", Day1, 1)));
        Assert.True(logger.TryLog(Regression("r2", Day1, 2)));

        await WaitUntilAsync(() => logger.Counters.Written == 2, "the interval flush wrote both records");
        Assert.Equal(2, (await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1))).Count);
    }

    [Fact]
    public async Task RecordsOutOfTimeOrderAndInputsThatComeAndGoAreWrittenInTimeOrderWithMissingValues()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        await LogAsync(
            logger,
            Regression("late", Day1.AddMinutes(3), 3, area: 30),
            Regression("early", Day1.AddMinutes(1), 1, area: 10, city: "oslo"),
            Regression("middle", Day1.AddMinutes(2), 2, area: 20) with { Inputs = new Dictionary<string, object?> { ["rooms"] = 4 } },
            Regression("same-time", Day1.AddMinutes(2), 4, area: 40, city: "bergen"));

        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));

        Assert.Equal(["early", "middle", "same-time", "late"], rows.Select(r => r.RequestId));
        Assert.Equal([10.0, null, 40.0, 30.0], rows.Select(r => r.Inputs["area"]));
        Assert.Equal(["oslo", null, "bergen", "oslo"], rows.Select(r => r.Inputs["city"]));
        Assert.Equal([null, 4.0, null, null], rows.Select(r => r.Inputs["rooms"]));
        Assert.Equal([1.0, 2, 4, 3], rows.Select(r => r.Output!.Value!.Value));
        await using var db = ws.Workspace.Metadata.CreateContext();
        var file = await db.Set<PredictionLogFile>().SingleAsync();
        Assert.Equal((Day1.AddMinutes(1).UtcDateTime, Day1.AddMinutes(3).UtcDateTime), (file.FirstTime, file.LastTime));
    }

    [Fact]
    public async Task BatchesNeverExceedTheBatchSize()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast(batch: 10));
        await LogAsync(logger, [.. Enumerable.Range(0, 25).Select(i => Regression($"r{i:D2}", Day1.AddSeconds(i), i))]);

        await using var db = ws.Workspace.Metadata.CreateContext();
        var sizes = await db.Set<PredictionLogFile>().Select(f => f.RowCount).ToListAsync();
        Assert.True(sizes.Count >= 3, $"{sizes.Count} files");
        Assert.All(sizes, s => Assert.InRange(s, 1, 10));
        Assert.Equal(25, sizes.Sum());
    }

    [Fact]
    public async Task AModelWithLoggingSwitchedOffIsSkippedAndCounted()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast() with { DisabledModels = new HashSet<string> { "churn" } });

        Assert.False(logger.IsEnabled("churn"));
        Assert.False(logger.TryLog(Binary("b1", Day1, 0.9)));
        await LogAsync(logger, Regression("r1", Day1, 1));

        Assert.Equal(new PredictionLogCounters(1, 1, 0, 0, 1), logger.Counters);
        Assert.Empty(await new PredictionLogReader(ws.Workspace).ReadAsync("churn", null, Day1, Day1.AddDays(1)));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task UnderOverloadRecordsAreSampledThenDroppedAndCountedWithoutBlocking(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var store = new FaultyArtifactStore(ws.Workspace.Artifacts) { Mode = FaultyArtifactStore.Fault.Hang };
        var options = Fast(queue: 16, batch: 1) with { OverloadHighWater = 0.5, OverloadKeepEvery = 4 };
        await using var logger = new PredictionLogger(store, ws.Workspace.Metadata, ws.Workspace.Clock, options);

        // The first record takes the writer into a write that does not return, so nothing drains the queue.
        Assert.True(logger.TryLog(Regression("first", Day1, 0)));
        await WaitUntilAsync(() => store.Hanging == 1, "the writer is stuck in its first write");
        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            accepted += logger.TryLog(Regression($"r{i}", Day1.AddMilliseconds(i), i)) ? 1 : 0;
        }

        // 8 records fill the queue to its high-water mark, then one in 4 is kept until the queue holds 16.
        Assert.Equal(16, accepted);
        var counters = logger.Counters;
        Assert.Equal(17, counters.Enqueued);
        Assert.Equal(10_000 - 16, counters.Dropped);

        store.Release();
        var after = await logger.FlushAsync();
        Assert.Equal(17, after.Written);
        Assert.Equal(0, after.Failed);
        Assert.Equal(17, (await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1))).Count);
    }

    [Fact]
    public async Task AnInputFirstSeenAsTextAfterOtherRowsIsMissingInThemAndKeptAfter()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        await LogAsync(
            logger,
            Regression("r1", Day1.AddMinutes(1), 1) with { Inputs = new Dictionary<string, object?> { ["area"] = 10.0 } },
            Regression("r2", Day1.AddMinutes(2), 2) with { Inputs = new Dictionary<string, object?> { ["area"] = 20.0, ["district"] = "north" } },
            Regression("r3", Day1.AddMinutes(3), 3) with { Inputs = new Dictionary<string, object?> { ["area"] = "n/a", ["district"] = 7 } });

        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));

        Assert.Equal([null, "north", "7"], rows.Select(r => r.Inputs["district"]));
        Assert.Equal(["10", "20", "n/a"], rows.Select(r => r.Inputs["area"]));
        Assert.Equal(new PredictionLogCounters(3, 3, 0, 0, 0), logger.Counters);
    }

    [Fact]
    public async Task ARecordWithAnUnreadableValueIsRefusedAndCountedAsFailedWithoutLosingOthers()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        Assert.True(logger.TryLog(Regression("r1", Day1, 1)));

        var unreadable = Regression("bad", Day1.AddSeconds(1), 2) with { Inputs = new Dictionary<string, object?> { ["area"] = 30.0, ["city"] = new Unprintable() } };
        Assert.False(logger.TryLog(unreadable));
        Assert.True(logger.TryLog(Regression("r2", Day1.AddSeconds(2), 3)));
        var counters = await logger.FlushAsync();

        Assert.Equal(new PredictionLogCounters(3, 2, 0, 1, 0), counters);
        Assert.IsType<InvalidOperationException>(logger.LastError);
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(["r1", "r2"], rows.Select(r => r.RequestId));
        Assert.Equal([100.0, 100.0], rows.Select(r => r.Inputs["area"]));
        Assert.Equal(["oslo", "oslo"], rows.Select(r => r.Inputs["city"]));
    }

    [Fact]
    public async Task RecordsLoggedFromManyThreadsAtOnceAreEachWrittenOnceInBatchesOfAtMostTheBatchSize()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var logger = new PredictionLogger(ws.Workspace, Fast(batch: 100));
        const int Threads = 8, PerThread = 500;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var city = i % 3 == 0 ? null : $"city-{i % 7}";
                Assert.True(logger.TryLog(Regression($"t{t}-{i}", Day1.AddMilliseconds((t * PerThread) + i), i, area: i, city: city)));
            }
        })));

        var counters = await logger.FlushAsync();

        Assert.Equal(new PredictionLogCounters(Threads * PerThread, Threads * PerThread, 0, 0, 0), counters);
        var rows = await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1));
        Assert.Equal(Threads * PerThread, rows.Select(r => r.RequestId).Distinct().Count());
        Assert.All(rows, r =>
        {
            var i = int.Parse(r.RequestId[(r.RequestId.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((double)i, r.Inputs["area"]);
            Assert.Equal(i % 3 == 0 ? null : $"city-{i % 7}", r.Inputs["city"]);
            Assert.Equal(i, r.Output!.Value);
        });
        await using var db = ws.Workspace.Metadata.CreateContext();
        Assert.All(await db.Set<PredictionLogFile>().Select(f => f.RowCount).ToListAsync(), n => Assert.InRange(n, 1, 100));
    }

    private sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("This value cannot be written as text.");
    }
}
