using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

public sealed class VersioningTests
{
    [Fact]
    public async Task ReAddingUnchangedContentReturnsTheSameVersionAndStoresNothingNew()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", DataFixture.MixedCsv(50));
        var first = await service.AddAsync(file, "d");
        var artifacts = await DataFixture.CountArtifactsAsync(ws);

        var copy = ws.WriteUtf8("copy-of-d.csv", DataFixture.MixedCsv(50));
        var again = await service.AddAsync(file, "d");
        var fromCopy = await service.AddAsync(copy, "d");

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.False(fromCopy.Created);
        Assert.Equal(first.Version.Id, again.Version.Id);
        Assert.Equal(first.Version.Id, fromCopy.Version.Id);
        Assert.Equal(2, artifacts);
        Assert.Equal(artifacts, await DataFixture.CountArtifactsAsync(ws));
        Assert.Single(await service.VersionsAsync("d"));
    }

    [Fact]
    public async Task AChangedFileBecomesTheNextVersionWithThePreviousLatestAsParent()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", DataFixture.MixedCsv(50));
        var v1 = (await service.AddAsync(file, "d")).Version;
        File.AppendAllText(file, "1.5,7,red,2024-02-01,true\n");
        var v2 = (await service.AddAsync(file, "d")).Version;
        File.AppendAllText(file, "2.5,8,red,2024-02-02,false\n");
        var v3 = (await service.AddAsync(file, "d")).Version;

        Assert.Equal((1, 2, 3), (v1.Number, v2.Number, v3.Number));
        Assert.Equal(v1.Id, v2.ParentId);
        Assert.Equal(v2.Id, v3.ParentId);
        Assert.Equal((50, 51, 52), (v1.RowCount, v2.RowCount, v3.RowCount));
        Assert.Equal([1, 2, 3], (await service.VersionsAsync("d")).Select(v => v.Number));
    }

    [Fact]
    public async Task TheSameContentInAnotherDatasetIsItsOwnVersionSharingTheStoredFiles()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", DataFixture.MixedCsv(20));
        var a = (await service.AddAsync(file, "a")).Version;
        var b = await service.AddAsync(file, "b");

        Assert.True(b.Created);
        Assert.Equal(1, b.Version.Number);
        Assert.Equal(a.Hash, b.Version.Hash);
        Assert.Equal(a.DataKey, b.Version.DataKey);
        Assert.Equal(2, await DataFixture.CountArtifactsAsync(ws));
        Assert.Equal(["a", "b"], (await service.ListAsync()).Select(s => s.Dataset.Name));
    }

    [Fact]
    public async Task TheHashCacheAnswersForAFileWhoseSizeAndTimeAreUnchanged()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", "a,b\n1,x\n2,y\n");
        var v1 = (await service.AddAsync(file, "d")).Version;
        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            var entry = await db.Set<FileHashEntry>().SingleAsync();
            Assert.Equal((Path.GetFullPath(file), v1.Hash, 12L), (entry.Path, entry.Hash, entry.Size));
        }

        // Same size, same modification time, different bytes: the cache (like DVC's) trusts the stamp and reads nothing.
        var stamp = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "a,b\n3,z\n4,w\n");
        File.SetLastWriteTimeUtc(file, stamp);
        var cached = await service.AddAsync(file, "d");
        Assert.False(cached.Created);
        Assert.Equal(v1.Id, cached.Version.Id);

        // A new modification time invalidates the entry and the new content becomes version 2.
        File.SetLastWriteTimeUtc(file, stamp.AddSeconds(5));
        var changed = await service.AddAsync(file, "d");
        Assert.True(changed.Created);
        Assert.Equal(2, changed.Version.Number);
    }

    [Fact]
    public async Task VersionsResolveByLatestNumberAndHashPrefix()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", DataFixture.MixedCsv(10));
        var v1 = (await service.AddAsync(file, "d")).Version;
        File.AppendAllText(file, "1.5,7,red,2024-02-01,true\n");
        var v2 = (await service.AddAsync(file, "d")).Version;

        Assert.Equal(v2.Id, (await service.ResolveAsync(DatasetRef.Parse("d"))).Id);
        Assert.Equal(v2.Id, (await service.ResolveAsync(DatasetRef.Parse("d@latest"))).Id);
        Assert.Equal(v1.Id, (await service.ResolveAsync(DatasetRef.Parse("d@1"))).Id);
        var byHash = await service.ResolveAsync(DatasetRef.Parse("d@" + v1.Hash[..8]));
        Assert.Equal(v1.Id, byHash.Id);
        Assert.Equal("d", byHash.Dataset!.Name);
        Assert.Equal("d@1", byHash.Label);
    }

    [Fact]
    public async Task UnknownDatasetsAndVersionsAreNotFoundErrorsListingWhatExists()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var v1 = (await service.AddAsync(ws.WriteUtf8("d.csv", DataFixture.MixedCsv(10)), "d")).Version;

        var noDataset = await Assert.ThrowsAsync<RaciflowException>(() => service.ResolveAsync(DatasetRef.Parse("nope")));
        Assert.Equal(ErrorKind.NotFound, noDataset.Kind);
        Assert.Contains("'nope'", noDataset.Message, StringComparison.Ordinal);
        Assert.Contains("datasets are: d", noDataset.Message, StringComparison.Ordinal);

        var noVersion = await Assert.ThrowsAsync<RaciflowException>(() => service.ResolveAsync(DatasetRef.Parse("d@7")));
        Assert.Equal(ErrorKind.NotFound, noVersion.Kind);
        Assert.Contains("versions are: 1 (" + v1.Hash[..12] + ")", noVersion.Message, StringComparison.Ordinal);

        var noHash = await Assert.ThrowsAsync<RaciflowException>(() => service.ResolveAsync(DatasetRef.Parse("d@ffffff0")));
        Assert.Equal(ErrorKind.NotFound, noHash.Kind);

        var badVersion = await Assert.ThrowsAsync<RaciflowException>(() => service.ResolveAsync(DatasetRef.Parse("d@abc")));
        Assert.Equal(ErrorKind.Invalid, badVersion.Kind);
    }

    [Fact]
    public async Task DiffReportsSchemaRowAndStatisticChanges()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", "id,x,gone,kind\n1,2,a,1\n2,4,b,2\n3,6,c,3\n");
        await service.AddAsync(file, "d");
        File.WriteAllText(file, "id,x,kind,new\n1,2,red,1\n2,4,blue,1\n3,6,red,1\n4,8,red,1\n");
        await service.AddAsync(file, "d");

        var diff = await service.DiffAsync(DatasetRef.Parse("d@1"), DatasetRef.Parse("d@2"));

        Assert.Equal(("d@1", "d@2", 3L, 4L), (diff.From, diff.To, diff.FromRows, diff.ToRows));
        Assert.Equal(["new"], diff.AddedColumns);
        Assert.Equal(["gone"], diff.RemovedColumns);
        Assert.Equal([new ColumnTypeChange("kind", ColumnType.Integer, ColumnType.Categorical)], diff.TypeChanges);
        Assert.Contains(new ColumnStatisticChange("x", "mean", 4, 5), diff.StatisticChanges);
        Assert.Contains(new ColumnStatisticChange("x", "max", 6, 8), diff.StatisticChanges);
        Assert.Contains(new ColumnStatisticChange("kind", "distinct", 3, 2), diff.StatisticChanges);
        Assert.DoesNotContain(diff.StatisticChanges, c => c.Statistic == "min");
        Assert.DoesNotContain(diff.StatisticChanges, c => c.Column == "id" && c.Statistic == "missing");
        Assert.True(diff.SchemaChanged);
    }

    [Fact]
    public async Task TwoConcurrentAddsOfTheSameContentEndWithOneVersion()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var a = ws.WriteUtf8("a.csv", DataFixture.MixedCsv(5000));
        var b = ws.WriteUtf8("b.csv", DataFixture.MixedCsv(5000));

        var results = await Task.WhenAll(
            Task.Run(() => service.AddAsync(a, "d")),
            Task.Run(() => new DatasetService(ws.Workspace).AddAsync(b, "d")));

        Assert.Equal(results[0].Version.Id, results[1].Version.Id);
        Assert.Single(results, r => r.Created);
        Assert.Single(await service.VersionsAsync("d"));
    }
}
