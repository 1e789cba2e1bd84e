namespace Raciflow.Data;

/// <summary>
/// A dataset version loaded into memory, column by column. Used by validation, profiling, splitting and
/// training; large data is streamed elsewhere and never needs a whole Frame.
/// </summary>
public sealed class Frame
{
    private readonly Dictionary<string, FrameColumn> _byName;
    private DatasetSchema? _schema;

    public Frame(IReadOnlyList<FrameColumn> columns)
    {
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount))
        {
            throw new ArgumentException("All columns of a frame must have the same length.", nameof(columns));
        }

        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FrameColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>
    /// Worked out on first use: it scans every value for missing ones, which batch scoring's frames (one per chunk)
    /// never need.
    /// </summary>
    public DatasetSchema Schema => _schema ??= new DatasetSchema(Columns.Select(c => new ColumnSchema(c.Name, c.Type, c.MissingCount > 0)).ToList());

    public FrameColumn this[string name] =>
        _byName.TryGetValue(name, out var c) ? c : throw RaciflowException.Invalid($"Column '{name}' does not exist; columns are: {string.Join(", ", _byName.Keys)}.", name);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>A new frame holding only the given rows, in the given order.</summary>
    public Frame Take(IReadOnlyList<int> rows) => new(Columns.Select(c => c.Take(rows)).ToList());
}
