using System.Text.Json;

namespace Raciflow.Workflows.Promotion;

/// <summary>What an approval to move an alias is granted for; its canonical JSON is what the approval hashes.</summary>
public sealed record PromotionArguments(string Model, int Version, string Alias)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PromotionArguments FromJson(string json) =>
        JsonSerializer.Deserialize<PromotionArguments>(json, Json) ?? throw RaciflowException.Invalid("The approval's arguments are empty.", "arguments");
}
