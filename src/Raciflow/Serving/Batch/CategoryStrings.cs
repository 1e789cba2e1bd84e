using Raciflow.Data.Ingestion;

namespace Raciflow.Serving.Batch;

/// <summary>
/// The distinct texts of one categorical input column, looked up straight from the CSV cell's span: a column of a
/// million rows and a handful of categories then holds a handful of strings instead of allocating one per cell.
/// Past <see cref="MaxDistinct"/> distinct values (an identifier-like column) new values are allocated as before,
/// so memory stays bounded.
/// </summary>
internal sealed class CategoryStrings
{
    public const int MaxDistinct = 4096;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CategoryStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cell's text (the same instance for equal cells); null for missing-value tokens, as in a dataset.</summary>
    public string? Text(ReadOnlySpan<char> cell)
    {
        if (_lookup.TryGetValue(cell, out var known))
        {
            return known;
        }

        if (MissingValues.IsMissing(cell))
        {
            return null;
        }

        var text = cell.ToString();
        if (_strings.Count < MaxDistinct)
        {
            _strings[text] = text;
        }

        return text;
    }
}
