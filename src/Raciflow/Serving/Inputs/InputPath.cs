using System.Globalization;

namespace Raciflow.Serving.Inputs;

/// <summary>
/// Where a value sits in a request (<c>field</c>, <c>[3].field</c>, <c>instances[3].field</c>, or a CSV cell's row and
/// column), spelled out only when a problem names it: built for every value, it cost a string per cell of a
/// many-row request.
/// </summary>
public readonly record struct InputPath(string Prefix, string Field, int CsvLine = 0)
{
    /// <summary>A field of a JSON object at <paramref name="prefix"/> (empty for a single object).</summary>
    public static InputPath Json(string prefix, string field) => new(prefix, field);

    /// <summary>A CSV cell: data row <paramref name="line"/> (1 is the first after the header), column <paramref name="field"/>.</summary>
    public static InputPath CsvCell(int line, string field) => new(string.Empty, field, line);

    public override string ToString() =>
        CsvLine > 0 ? $"row {CsvLine.ToString(CultureInfo.InvariantCulture)}, column {Field}"
        : Prefix.Length == 0 ? Field
        : $"{Prefix}.{Field}";
}
