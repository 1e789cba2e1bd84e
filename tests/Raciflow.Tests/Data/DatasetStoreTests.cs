using Raciflow.Data;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

/// <summary>The whole dataset flow on both store pairs: SQLite + disk and PostgreSQL + S3.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class DatasetStoreTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AddDedupeVersionResolveLoadAndDiffWorkOnEveryStore(StoreKind kind)
    {
        var (ws, service) = await DataFixture.CreateAsync(kind);
        using var _ = ws;
        var file = RepositoryPaths.TestData("penguins.csv");

        var v1 = await service.AddAsync(file, "penguins");
        var again = await service.AddAsync(file, "penguins");
        var edited = ws.WriteUtf8("penguins.csv", File.ReadAllText(file) + "Adelie,Dream,40.0,18.0,190,3900,MALE\n");
        var v2 = await service.AddAsync(edited, "penguins");

        Assert.True(v1.Created);
        Assert.False(again.Created);
        Assert.Equal(v1.Version.Id, again.Version.Id);
        Assert.Equal((2, v1.Version.Id, 345L), (v2.Version.Number, v2.Version.ParentId, v2.Version.RowCount));
        Assert.True(await ws.Workspace.Artifacts.ExistsAsync(v1.Version.SourceKey));
        Assert.True(await ws.Workspace.Artifacts.ExistsAsync(v1.Version.DataKey));
        Assert.Equal($"sources/{v1.Version.Hash[..2]}/{v1.Version.Hash[2..]}.csv", v1.Version.SourceKey);

        var resolved = await service.ResolveAsync(DatasetRef.Parse("penguins@" + v1.Version.Hash[..6]));
        Assert.Equal(v1.Version.Id, resolved.Id);
        var frame = await service.LoadFrameAsync(resolved);
        Assert.Equal(344, frame.RowCount);
        Assert.Equal("Adelie", frame["species"].Format(0));
        Assert.Equal(3750, Assert.IsType<NumericColumn>(frame["body_mass_g"]).Values[0]);

        var diff = await service.DiffAsync(DatasetRef.Parse("penguins@1"), DatasetRef.Parse("penguins"));
        Assert.Equal((344L, 345L), (diff.FromRows, diff.ToRows));
        Assert.False(diff.SchemaChanged);
        var summary = Assert.Single(await service.ListAsync());
        Assert.Equal(("penguins", 2, 2), (summary.Dataset.Name, summary.VersionCount, summary.Latest!.Number));

        await using var source = await ws.Workspace.Artifacts.OpenReadAsync(v1.Version.SourceKey);
        using var copy = new MemoryStream();
        await source.CopyToAsync(copy);
        Assert.Equal(File.ReadAllBytes(file), copy.ToArray());
    }
}
