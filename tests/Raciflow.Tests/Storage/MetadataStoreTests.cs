using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Storage.Metadata;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Storage;

[Trait("Category", TestServices.Integration)]
public sealed class MetadataStoreTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheSameModelStoresAndQueriesOnBothProviders(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            db.Add(new Dataset { Name = "penguins", CreatedAt = created, CreatedBy = "tester" });
            await db.SaveChangesAsync();
        }

        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            var found = await db.Set<Dataset>().SingleAsync(d => d.Name == "penguins");
            Assert.Equal(created, found.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        }
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task MigratingTwiceIsHarmlessAndLeavesNoPendingMigrations(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await ws.Workspace.Metadata.MigrateAsync();
        await using var db = ws.Workspace.Metadata.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes with no migration: run scripts/migrations.sh NAME");
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task UniqueDatasetNamesAreEnforcedByTheDatabase(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using var db = ws.Workspace.Metadata.CreateContext();
        db.Add(new Dataset { Name = "same", CreatedBy = "a" });
        db.Add(new Dataset { Name = "same", CreatedBy = "b" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SqliteRunsInWriteAheadLogMode()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using var db = ws.Workspace.Metadata.CreateContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }

    [Fact]
    public async Task AnUnreachablePostgresIsAnUnavailableErrorWithThePasswordMasked()
    {
        var store = MetadataStore.Open("postgres://user:hunter2@127.0.0.1:1/db", Path.GetTempPath());
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => store.MigrateAsync());
        Assert.Equal(ErrorKind.Unavailable, ex.Kind);
        Assert.Contains("postgres://user:***@127.0.0.1:1/db", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://x/y")]
    [InlineData("sqlite:")]
    [InlineData("postgres://u:p@host:5432/")]
    public void MalformedStoreUrisAreRejectedWithoutTheirPassword(string uri)
    {
        var ex = Assert.Throws<RaciflowException>(() => MetadataStore.Open(uri, Path.GetTempPath()));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.DoesNotContain(":p@", ex.Message, StringComparison.Ordinal);
    }
}
