using System.Security.Cryptography;
using System.Text;

namespace Raciflow.Governance.Notifications;

/// <summary>
/// The <c>X-Raciflow-Signature: sha256=HEX</c> header: HMAC-SHA256 of the exact body bytes with the webhook's
/// secret, so a receiver can check the body came from this workspace unaltered.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Raciflow-Signature";
    public const string DeliveryHeader = "X-Raciflow-Delivery";
    private const string Scheme = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Checks a received header against the body in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var actual = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
