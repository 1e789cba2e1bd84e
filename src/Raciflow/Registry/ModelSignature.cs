using System.Text.Json;
using System.Text.Json.Serialization;
using Raciflow.Training;

namespace Raciflow.Registry;

/// <summary>
/// What a model version accepts and returns. Serving checks every request against it before the model sees a
/// value; the prediction form is generated from it; the model card prints it.
/// </summary>
public sealed record ModelSignature
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public required IReadOnlyList<SignatureField> Inputs { get; init; }

    public required TaskKind Task { get; init; }

    public required string Target { get; init; }

    /// <summary>Class labels by index; empty for regression.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    public SignatureField? Find(string name) => Inputs.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelSignature FromJson(string json) =>
        JsonSerializer.Deserialize<ModelSignature>(json, Json) ?? throw RaciflowException.Invalid("The model signature is empty.", "signature");
}
