using System.Security.Cryptography;

namespace Raciflow.Data.Ingestion;

/// <summary>SHA-256 of a file's bytes as lower-case hex, read in large sequential blocks.</summary>
public static class FileHasher
{
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
