using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Raciflow.Governance.Members;

/// <summary>
/// API tokens: <c>rf_</c> followed by 32 random bytes in base64url (256 bits of entropy). Only the SHA-256 hash is
/// stored; a fast hash is enough because the token is random, not a password, so it cannot be guessed from a list.
/// </summary>
public static class ApiToken
{
    public const string Prefix = "rf_";
    private const int RandomBytes = 32;

    /// <summary>Length of a well-formed token: prefix plus 43 base64url characters.</summary>
    public static int Length { get; } = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when the token has the shape of one this class generates.</summary>
    public static bool IsWellFormed(string? token) =>
        token is not null && token.Length == Length && token.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(token.AsSpan(Prefix.Length));

    /// <summary>Compares a token with a stored hash in constant time, so timing reveals nothing about the hash.</summary>
    public static bool Matches(string token, string storedHash)
    {
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        Span<byte> expected = stackalloc byte[32];
        if (storedHash.Length != 64 || Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
