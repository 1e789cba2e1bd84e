using System.Text;
using Raciflow.Storage;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task AWriteReplacesTheFileWithTheWholeNewContentAndLeavesNoTemporary()
    {
        var path = _dir.Write("report.html", "old");
        await AtomicFile.WriteAllTextAsync(path, "new content");
        Assert.Equal("new content", await File.ReadAllTextAsync(path));
        Assert.Equal(["report.html"], FileNames());
    }

    [Fact]
    public async Task AFailureMidWriteLeavesTheOldFileIntactAndRemovesTheTemporary()
    {
        var path = _dir.Write("data.csv", "a,b\n1,2\n");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("x,y\n"), ct);
            await stream.FlushAsync(ct);
            throw new InvalidOperationException("disk full half way");
        }));

        Assert.Equal("disk full half way", ex.Message);
        Assert.Equal("a,b\n1,2\n", await File.ReadAllTextAsync(path));
        Assert.Equal(["data.csv"], FileNames());
    }

    [Fact]
    public void ASynchronousWriteThatFailsMidWayLeavesTheOldFileIntact()
    {
        var path = _dir.Write("raciflow.yaml", "name: before\n");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("name: af"u8);
            throw new IOException("device lost");
        }, AtomicWriteOptions.Default));

        Assert.Equal("name: before\n", File.ReadAllText(path));
        Assert.Equal(["raciflow.yaml"], FileNames());
    }

    [Fact]
    public async Task ACancelledWriteLeavesTheOldFileIntact()
    {
        var path = _dir.Write("out.csv", "kept");
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync("partial"u8.ToArray(), ct);
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, cancel.Token));

        Assert.Equal("kept", await File.ReadAllTextAsync(path));
        Assert.Equal(["out.csv"], FileNames());
    }

    [Fact]
    public async Task TheContentIsWrittenToAHiddenTemporaryBesideTheTargetThatIsRecognisedAsOne()
    {
        var path = _dir.File("model.bin");
        string[] during = [];
        await AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync("bytes"u8.ToArray(), ct);
            during = FileNames();
        });

        var temporary = Assert.Single(during);
        Assert.StartsWith(".model.bin.", temporary, StringComparison.Ordinal);
        Assert.True(AtomicFile.IsTemporary(Path.Combine(_dir.Path, temporary)));
        Assert.False(AtomicFile.IsTemporary(path));
        Assert.False(AtomicFile.IsTemporary(_dir.File("notes.tmp")));
        Assert.Equal("bytes", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AReaderThatOpenedTheOldFileKeepsReadingItWholeWhileItIsReplaced()
    {
        var path = _dir.Write("big.txt", new string('o', 100_000));
        await using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await AtomicFile.WriteAllTextAsync(path, "new");
        using var text = new StreamReader(reader);
        Assert.Equal(new string('o', 100_000), await text.ReadToEndAsync());
        Assert.Equal("new", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WithoutOverwriteAnExistingFileIsRefusedAndKept()
    {
        var path = _dir.Write("raciflow.yaml", "mine");
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAllTextAsync(path, "template", new AtomicWriteOptions { Overwrite = false }));
        Assert.Equal("mine", await File.ReadAllTextAsync(path));
        Assert.Equal(["raciflow.yaml"], FileNames());

        var fresh = _dir.File("other.yaml");
        await AtomicFile.WriteAllTextAsync(fresh, "template", new AtomicWriteOptions { Overwrite = false });
        Assert.Equal("template", await File.ReadAllTextAsync(fresh));
    }

    [Fact]
    public void ANewFileGetsTheRequestedUnixPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _dir.Write("credentials", "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        AtomicFile.Write(path, stream => stream.Write("{\"a\":\"b\"}"u8), new AtomicWriteOptions { UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void MovingAFinishedFileIntoPlaceReplacesTheTargetAndConsumesTheSource()
    {
        var source = _dir.Write("staging/part.rf-tmp", "finished");
        var target = _dir.Write("store/ab/cdef.parquet", "older");
        AtomicFile.MoveIntoPlace(source, target);
        Assert.Equal("finished", File.ReadAllText(target));
        Assert.False(File.Exists(source));
        Assert.Equal(["cdef.parquet"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(p => Path.GetFileName(p)).ToArray());
    }

    [Fact]
    public void MovingAMissingFileLeavesTheTargetAsItWas()
    {
        var target = _dir.Write("store/x.bin", "kept");
        Assert.Throws<FileNotFoundException>(() => AtomicFile.MoveIntoPlace(_dir.File("nope"), target));
        Assert.Equal("kept", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    public void Dispose() => _dir.Dispose();

    private string[] FileNames() => Directory.GetFiles(_dir.Path).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
}
