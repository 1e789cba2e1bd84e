using System.Security.Cryptography;
using System.Text.Json;

namespace Raciflow.Data.Splitting;

/// <summary>
/// The artifact a split is stored as: its parameters and the row indices of each part, as compact JSON. The
/// SHA-256 of these bytes is the split's identity, so equal parameters and rows always give the same key.
/// </summary>
public sealed record SplitFile(string DatasetVersion, int Seed, double Train, double Validation, double Test, string? Stratify, SplitIndices Parts)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Reads a split file, rejecting one whose bytes no longer match the recorded hash.</summary>
    public static SplitFile Read(byte[] bytes, string expectedHash, string key)
    {
        if (!string.Equals(HashOf(bytes), expectedHash, StringComparison.Ordinal))
        {
            throw RaciflowException.Conflict($"The split indices at '{key}' do not match their recorded hash {expectedHash}; the artifact was changed or damaged.");
        }

        return JsonSerializer.Deserialize<SplitFile>(bytes, Options)
            ?? throw RaciflowException.Conflict($"The split indices at '{key}' are empty.");
    }
}
