using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raciflow.Governance.Approvals;

/// <summary>Canonical JSON (object keys sorted, no whitespace) of an action's arguments and its SHA-256.</summary>
public static class ApprovalArguments
{
    public static string Canonicalize(string json, string field)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw RaciflowException.Invalid($"{field}: not valid JSON: {ex.Message}", field);
        }

        return Sorted(node)?.ToJsonString() ?? "null";
    }

    public static string Hash(string canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
