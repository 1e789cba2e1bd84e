using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raciflow.Data;

/// <summary>The JSON form of a version's schema and statistics, as stored on <see cref="DatasetVersion"/>.</summary>
public static class DatasetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(DatasetSchema schema) => JsonSerializer.Serialize(schema, Options);

    public static string Serialize(IReadOnlyList<ColumnStatistics> statistics) => JsonSerializer.Serialize(statistics, Options);

    public static DatasetSchema Schema(DatasetVersion version) =>
        JsonSerializer.Deserialize<DatasetSchema>(version.SchemaJson, Options) ?? throw new InvalidDataException($"Dataset version {version.Label} has no schema.");

    public static IReadOnlyList<ColumnStatistics> Statistics(DatasetVersion version) =>
        JsonSerializer.Deserialize<List<ColumnStatistics>>(version.StatisticsJson, Options) ?? [];
}
