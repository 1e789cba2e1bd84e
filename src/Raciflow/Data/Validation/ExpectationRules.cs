using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Raciflow.Projects;

namespace Raciflow.Data.Validation;

/// <summary>Checks that declared expectations make sense before data is held against them, and fingerprints them.</summary>
public static class ExpectationRules
{
    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Rejects an expectation that cannot be checked, naming its raciflow.yaml field.</summary>
    public static void Validate(ExpectationConfig e, string field)
    {
        if (string.IsNullOrWhiteSpace(e.Column))
        {
            throw Invalid($"{field}.column is empty; name the column the expectation is about.", $"{field}.column");
        }

        if (e.Type is not null)
        {
            ParseType(e.Type, $"{field}.type");
        }

        if (e.Min is { } min && e.Max is { } max && min > max)
        {
            throw Invalid($"{field} has min {min} greater than max {max}.", $"{field}.min");
        }

        if (e.MaxMissing is { } maxMissing && (maxMissing is < 0 or > 1 || double.IsNaN(maxMissing)))
        {
            throw Invalid($"{field}.max_missing is {maxMissing}; it is a fraction between 0 and 1.", $"{field}.max_missing");
        }

        if (e.Allowed is { Count: 0 })
        {
            throw Invalid($"{field}.allowed is an empty list; list the values the column may hold.", $"{field}.allowed");
        }
    }

    public static ColumnType ParseType(string text, string field) =>
        Enum.TryParse<ColumnType>(text.Trim(), ignoreCase: true, out var type) && !int.TryParse(text, out _)
            ? type
            : throw Invalid($"{field} '{text}' is not a column type; use numeric, integer, boolean, categorical, datetime or text.", field);

    /// <summary>Lower-case hex SHA-256 of the expectations as canonical JSON, so a stored result names the config it checked.</summary>
    public static string Hash(IReadOnlyList<ExpectationConfig> expectations)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(expectations, HashOptions);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static RaciflowException Invalid(string message, string location) =>
        RaciflowException.Invalid($"{ProjectConfigLoader.FileName}: {message}", location);
}
