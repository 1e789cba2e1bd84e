namespace Raciflow.Data.Ingestion;

/// <summary>
/// The first rows of a table, held as one block of characters with cell boundaries, until the types of their
/// columns are guessed; then replayed, in order, to the pass that converts them. One string per cell would cost
/// an object per cell; this costs a few bytes per cell beyond the text itself.
/// </summary>
internal sealed class RowPrefixBuffer
{
    private readonly List<long> _lines = [];
    private readonly List<int> _cellEnds = [];
    private readonly int _columns;
    private char[] _chars = new char[1 << 16];
    private int _length;

    public RowPrefixBuffer(int columns) => _columns = columns;

    public int Rows => _lines.Count;

    /// <summary>Characters held so far, so the caller can stop buffering rows of very long text early.</summary>
    public int Characters => _length;

    public void BeginRow(long line) => _lines.Add(line);

    public void Cell(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + value.Length));
        }

        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
        _cellEnds.Add(_length);
    }

    /// <summary>Sends every buffered row to <paramref name="visitor"/> as the source sent it, then lets the buffer go.</summary>
    public void ReplayTo(ICellVisitor visitor)
    {
        var cell = 0;
        var start = 0;
        foreach (var line in _lines)
        {
            visitor.BeginRow(line);
            for (var c = 0; c < _columns; c++, cell++)
            {
                var end = _cellEnds[cell];
                visitor.Cell(c, _chars.AsSpan(start, end - start));
                start = end;
            }

            visitor.EndRow();
        }

        _lines.Clear();
        _cellEnds.Clear();
        _chars = [];
        _length = 0;
    }
}
