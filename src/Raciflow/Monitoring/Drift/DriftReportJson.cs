using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raciflow.Monitoring.Drift;

/// <summary>The JSON form of a <see cref="DriftReport"/>, for <c>--json</c> output and the artifact store.</summary>
public static class DriftReportJson
{
    /// <summary>camelCase, enums as names, and NaN written as "NaN" (an untestable column has no statistic).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    public static string Serialize(DriftReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report back; <paramref name="source"/> names the file or key in the error.</summary>
    public static DriftReport Deserialize(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<DriftReport>(json, Options)
                ?? throw RaciflowException.Invalid($"{source}: the drift report is empty.", source);
        }
        catch (JsonException ex)
        {
            var where = $"{source}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}";
            throw RaciflowException.Invalid($"{where}: not a drift report: {ex.Message}", where);
        }
    }
}
