using System.Security.Cryptography;

namespace Raciflow.Data.Ingestion;

/// <summary>A read-only stream over a source file that hashes every byte read, so one read gives its SHA-256 and the bytes to parse.</summary>
internal sealed class HashingStream(Stream source) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => source.Length;

    public override long Position
    {
        get => source.Position;
        set => throw new NotSupportedException();
    }

    public long BytesRead { get; private set; }

    /// <summary>Lower-case hex SHA-256 of everything read; call once the source is read to its end.</summary>
    public string Hash() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        BytesRead += read;
        _hash.AppendData(buffer[..read]);
        return read;
    }

    /// <summary>Reads whatever the parser left unread (e.g. after an early error is ruled out), so the hash covers the whole file.</summary>
    public void Drain()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}
