using Raciflow.Data;

namespace Raciflow.Tests.Data;

public sealed class AtomicityTests
{
    [Fact]
    public async Task CancellingMidwayLeavesNoVersionAndTheNextAddSucceeds()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("big.csv", DataFixture.MixedCsv(300_000));
        using var cts = new CancellationTokenSource();
        var seen = new List<double>();
        var progress = new SynchronousProgress(p =>
        {
            seen.Add(p);
            if (p > 0.6)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.AddAsync(file, "big", progress, cts.Token));

        Assert.Contains(seen, p => p > 0.5);
        Assert.Empty(await service.ListAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(ws.Folder.Path, ".raciflow", "artifacts", ".staging")));
        var result = await service.AddAsync(file, "big");
        Assert.True(result.Created);
        Assert.Equal(300_000, result.Version.RowCount);
    }

    [Fact]
    public async Task StrayTemporaryFilesFromAKilledAddAreIgnored()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var root = Path.Combine(ws.Folder.Path, ".raciflow", "artifacts");
        Directory.CreateDirectory(Path.Combine(root, ".staging"));
        File.WriteAllText(Path.Combine(root, ".staging", "0123.source.rf-tmp"), "half a file");
        Directory.CreateDirectory(Path.Combine(root, "datasets", "ab"));
        File.WriteAllText(Path.Combine(root, "datasets", "ab", ".cdef.parquet.0123.rf-tmp"), "torn");
        var abandoned = Path.Combine(root, ".staging", "old.parquet.rf-tmp");
        File.WriteAllText(abandoned, "left by an add killed two days ago");
        File.SetLastWriteTimeUtc(abandoned, ws.Workspace.UtcNow.AddDays(-2));
        var file = ws.WriteUtf8("d.csv", DataFixture.MixedCsv(100));

        var result = await service.AddAsync(file, "d");

        Assert.True(result.Created);
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(Path.Combine(root, ".staging", "0123.source.rf-tmp")), "a recent staging file may belong to an add still running");
        Assert.Equal(2, await DataFixture.CountArtifactsAsync(ws));
        Assert.Equal(100, (await service.LoadFrameAsync(result.Version)).RowCount);
    }

    /// <summary>Reports on the calling thread, so a test can cancel at a known point.</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
