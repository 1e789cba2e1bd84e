using Raciflow.Storage;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Storage;

public sealed class AtomicDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task AFolderAppearsOnlyOnceItIsCompleteAndReplacesTheOldOne()
    {
        var target = Path.Combine(_dir.Path, "package");
        _dir.Write("package/old.txt", "old");
        var count = await AtomicDirectory.WriteAsync(target, async temporary =>
        {
            Assert.False(File.Exists(Path.Combine(target, "model.zip")));
            await File.WriteAllTextAsync(Path.Combine(temporary, "model.zip"), "bundle");
            return Directory.GetFiles(temporary).Length;
        });

        Assert.Equal(1, count);
        Assert.Equal(["model.zip"], Directory.GetFiles(target).Select(p => Path.GetFileName(p)).ToArray());
        Assert.Equal(["package"], Directory.GetFileSystemEntries(_dir.Path).Select(p => Path.GetFileName(p)).ToArray());
    }

    [Fact]
    public async Task AFailedBuildLeavesTheOldFolderAsItWasAndNothingBeside()
    {
        var target = Path.Combine(_dir.Path, "package");
        _dir.Write("package/old.txt", "old");
        await Assert.ThrowsAsync<InvalidDataException>(() => AtomicDirectory.WriteAsync<int>(target, async temporary =>
        {
            await File.WriteAllTextAsync(Path.Combine(temporary, "half.txt"), "half");
            throw new InvalidDataException("bundle hash differs");
        }));

        Assert.Equal("old", await File.ReadAllTextAsync(Path.Combine(target, "old.txt")));
        Assert.Single(Directory.GetFiles(target));
        Assert.Equal(["package"], Directory.GetFileSystemEntries(_dir.Path).Select(p => Path.GetFileName(p)).ToArray());
    }

    public void Dispose() => _dir.Dispose();
}
