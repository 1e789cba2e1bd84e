using System.Text;
using Raciflow.Data;
using Raciflow.Workspaces;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

public sealed class BadInputTests
{
    [Fact]
    public async Task AMissingFileIsNotFoundAndNamesThePath()
    {
        var ex = await AddFailsAsync(ws => ws.Folder.File("absent.csv"));
        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("absent.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFileSaysItIsEmpty()
    {
        var ex = await AddFailsAsync(ws => ws.WriteBytes("empty.csv", []));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("empty.csv' is empty (0 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderOnlyFileSaysItHasNoDataRows()
    {
        var ex = await AddFailsAsync(ws => ws.WriteUtf8("header.csv", "a,b,c\n"));
        Assert.Contains("header.csv' has a header row but no data rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaggedRowsAreReportedByLineNumber()
    {
        var rows = Enumerable.Range(0, 20).Select(i => i is 3 or 9 ? $"{i},x" : i == 12 ? $"{i},x,y,z" : $"{i},x,y");
        var ex = await AddFailsAsync(ws => ws.WriteUtf8("ragged.csv", "a,b,c\n" + string.Join("\n", rows) + "\n"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("ragged.csv' has 3 row(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["line 5: 2 fields", "line 11: 2 fields", "line 14: 4 fields"], ex.Details);
    }

    [Fact]
    public async Task InvalidUtf8IsReportedWithItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,ok\n2,fine\n").Concat(new byte[] { (byte)'3', (byte)',', 0xC3, 0x28, (byte)'\n' }).ToArray();
        var ex = await AddFailsAsync(ws => ws.WriteBytes("latin.csv", bytes));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("latin.csv' line 4: invalid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateHeaderNamesAreNamed()
    {
        var ex = await AddFailsAsync(ws => ws.WriteUtf8("dup.csv", "id,name,id\n1,a,2\n"));
        Assert.Contains("'id' (columns 1, 3)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dup.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyHeaderNamesAreNamedByPosition()
    {
        var ex = await AddFailsAsync(ws => ws.WriteUtf8("blank.csv", "id,,x\n1,a,2\n"));
        Assert.Contains("empty column names at column(s) 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownExtensionIsRejected()
    {
        var ex = await AddFailsAsync(ws => ws.WriteUtf8("sheet.xlsx", "a,b\n1,2\n"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("unknown extension '.xlsx'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnwritableArtifactStoreIsUnavailableAndRecordsNoVersion()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("d.csv", "a,b\n1,2\n");
        using var ws = await Workspace.OpenAsync(new WorkspaceOptions { Directory = folder.Path, StoreUri = "sqlite:.raciflow/raciflow.db", ArtifactsUri = "file:/proc/raciflow-cannot-write-here" });
        var service = new DatasetService(ws);

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => service.AddAsync(file, "d"));

        Assert.Equal(ErrorKind.Unavailable, ex.Kind);
        Assert.Contains("/proc/raciflow-cannot-write-here", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync());
    }

    [Fact]
    public async Task ABadInputLeavesEarlierVersionsAndNoStagingFiles()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("d.csv", "a,b\n1,2\n");
        var v1 = (await service.AddAsync(file, "d")).Version;
        File.WriteAllText(file, "a,b\n1,2\n3\n");

        await Assert.ThrowsAsync<RaciflowException>(() => service.AddAsync(file, "d"));

        Assert.Equal(v1.Id, (await service.ResolveAsync(DatasetRef.Parse("d"))).Id);
        Assert.Equal(2, await DataFixture.CountArtifactsAsync(ws));
        Assert.Empty(Directory.GetFiles(Path.Combine(ws.Folder.Path, ".raciflow", "artifacts", ".staging")));
    }

    private static async Task<RaciflowException> AddFailsAsync(Func<TestWorkspace, string> file)
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => service.AddAsync(file(ws), "d"));
        Assert.Empty(await service.ListAsync());
        Assert.Equal(0, await DataFixture.CountArtifactsAsync(ws));
        return ex;
    }
}
