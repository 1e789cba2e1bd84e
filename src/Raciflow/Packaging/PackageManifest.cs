using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raciflow.Packaging;

/// <summary>
/// raciflow-package.json: what a package holds and where it came from, so a deployment can be traced back to the
/// registry version and its bundle checked against the hash the registry recorded.
/// </summary>
public sealed record PackageManifest
{
    public const string FileName = "raciflow-package.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Model { get; init; }

    public required int Version { get; init; }

    public required string Algorithm { get; init; }

    public required string Task { get; init; }

    public required string Target { get; init; }

    /// <summary>SHA-256 of <see cref="Bundle"/>, equal to the registry's record.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Path of the bundle inside the package.</summary>
    public required string Bundle { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string RaciflowVersion { get; init; }

    /// <summary>The image reference the Dockerfile, manifest and workflow agree on (name:tag).</summary>
    public required string Image { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PackageManifest FromJson(string json) =>
        JsonSerializer.Deserialize<PackageManifest>(json, Json) ?? throw RaciflowException.Invalid($"{FileName} is empty.", FileName);

    [JsonIgnore]
    public string Label => $"{Model}@{Version}";
}
