using System.Text;
using Raciflow.Storage;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Storage;

[Trait("Category", TestServices.Integration)]
public sealed class ArtifactStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Kinds => new() { "file", "s3" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnObjectPutIsReadBackByteForByte(string kind)
    {
        var store = await OpenAsync(kind);
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        await store.PutAsync("datasets/ab/cdef.parquet", new MemoryStream(bytes));

        await using var read = await store.OpenReadAsync("datasets/ab/cdef.parquet");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(await store.ExistsAsync("datasets/ab/cdef.parquet"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnUnseekableStreamIsStoredWhole(string kind)
    {
        var store = await OpenAsync(kind);
        await store.PutAsync("x/stream.bin", new UnseekableStream(Encoding.UTF8.GetBytes("hello streaming world")));
        Assert.Equal("hello streaming world", await ReadTextAsync(store, "x/stream.bin"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PuttingAgainReplacesTheObject(string kind)
    {
        var store = await OpenAsync(kind);
        await store.PutAsync("a/b.txt", new MemoryStream("one"u8.ToArray()));
        await store.PutAsync("a/b.txt", new MemoryStream("two"u8.ToArray()));
        Assert.Equal("two", await ReadTextAsync(store, "a/b.txt"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ReadingAMissingObjectIsANotFoundErrorNamingTheKey(string kind)
    {
        var store = await OpenAsync(kind);
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => store.OpenReadAsync("nope/missing.bin"));
        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("nope/missing.bin", ex.Message, StringComparison.Ordinal);
        Assert.False(await store.ExistsAsync("nope/missing.bin"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ListingReturnsKeysUnderAPrefixInOrder(string kind)
    {
        var store = await OpenAsync(kind);
        foreach (var key in new[] { "p/2.txt", "p/1.txt", "q/3.txt" })
        {
            await store.PutAsync(key, new MemoryStream("x"u8.ToArray()));
        }

        var keys = new List<string>();
        await foreach (var info in store.ListAsync("p/"))
        {
            keys.Add(info.Key);
        }

        Assert.Equal(["p/1.txt", "p/2.txt"], keys);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task DeletedObjectsAreGone(string kind)
    {
        var store = await OpenAsync(kind);
        await store.PutAsync("d/x.txt", new MemoryStream("x"u8.ToArray()));
        await store.DeleteAsync("d/x.txt");
        Assert.False(await store.ExistsAsync("d/x.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/abs/path")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    public async Task KeysThatCouldEscapeTheStoreAreRejected(string key)
    {
        var store = await OpenAsync("file");
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => store.PutAsync(key, new MemoryStream([1])));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task AFailedLocalWriteLeavesTheOldObjectIntact()
    {
        var store = await OpenAsync("file");
        await store.PutAsync("k/v.txt", new MemoryStream("old"u8.ToArray()));

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("k/v.txt", new FailingStream()));

        Assert.Equal("old", await ReadTextAsync(store, "k/v.txt"));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "store", "k")));
    }

    [Fact]
    public void AnUnsupportedSchemeIsRejectedWithTheUri()
    {
        var ex = Assert.Throws<RaciflowException>(() => ArtifactStoreFactory.Open("ftp://host/x", _dir.Path));
        Assert.Contains("ftp://host/x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableS3ServerIsAnUnavailableErrorNamingTheStore()
    {
        var config = new Amazon.S3.AmazonS3Config { ServiceURL = "http://127.0.0.1:9", ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        using var store = new S3ArtifactStore(new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("k", "s"), config), "nobucket", "x");
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => store.PutAsync("a.txt", new MemoryStream([1])));
        Assert.Equal(ErrorKind.Unavailable, ex.Kind);
        Assert.Contains("s3://nobucket/x", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<IArtifactStore> OpenAsync(string kind) => kind == "s3"
        ? ArtifactStoreFactory.Open(await TestServices.CreateS3BucketAsync(), _dir.Path)
        : ArtifactStoreFactory.Open("file:store", _dir.Path);

    private static async Task<string> ReadTextAsync(IArtifactStore store, string key)
    {
        await using var s = await store.OpenReadAsync(key);
        using var reader = new StreamReader(s);
        return await reader.ReadToEndAsync();
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 0)
            {
                throw new IOException("disk gone");
            }

            buffer[offset] = (byte)'n';
            return 1;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
