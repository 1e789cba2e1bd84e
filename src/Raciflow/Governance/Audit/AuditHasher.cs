using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Raciflow.Governance.Audit;

/// <summary>
/// The canonical serialisation of an audit event: a JSON object with a fixed property order, the time in UTC with
/// microsecond precision (what PostgreSQL keeps) and the previous hash, hashed with SHA-256.
/// </summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("time", e.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("actor", e.Actor);
            json.WriteString("role", e.Role);
            json.WriteString("task", e.Task);
            json.WriteString("action", e.Action);
            json.WriteString("target", e.Target);
            json.WriteString("outcome", e.Outcome);
            json.WriteString("before", e.Before);
            json.WriteString("after", e.After);
            json.WriteString("requestId", e.RequestId);
            json.WriteString("previousHash", e.PreviousHash);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Drops sub-microsecond ticks so the time hashes the same after a round trip through either database.</summary>
    public static DateTime Truncate(DateTime time)
    {
        var utc = time.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}
