using System.Runtime.CompilerServices;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// The raw text of one row group: every cell's characters in one block, with where each cell ends and each row's
/// source line. The parser fills one block while another is converted, column by column on several cores, so the
/// text must outlive the parser's own buffer; one block costs a few bytes per cell beyond the text itself.
/// </summary>
internal sealed class RowBlock
{
    private readonly int _columns;
    private long[] _lines;
    private int[] _cellEnds;
    private char[] _chars = new char[1 << 16];
    private int _cells;

    public RowBlock(int columns, int rowCapacity)
    {
        _columns = columns;
        _lines = new long[rowCapacity];
        _cellEnds = new int[rowCapacity * columns];
    }

    public int Rows { get; private set; }

    /// <summary>Characters held, so the caller can end a block of very long text early and keep memory bounded.</summary>
    public int Characters { get; private set; }

    /// <summary>The first row whose cells the type inference has not seen yet (rows before it were observed while buffered).</summary>
    public int FirstUnobservedRow { get; set; }

    public void BeginRow(long line)
    {
        if (Rows == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
            Array.Resize(ref _cellEnds, _lines.Length * _columns);
        }

        _lines[Rows++] = line;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public void Cell(ReadOnlySpan<char> value)
    {
        if (Characters + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Characters + value.Length));
        }

        value.CopyTo(_chars.AsSpan(Characters));
        Characters += value.Length;
        _cellEnds[_cells++] = Characters;
    }

    /// <summary>
    /// Makes room for about <paramref name="characters"/> characters in one allocation, sized from a block already
    /// read, instead of doubling up to it (which leaves the halves as garbage and up to twice the room needed).
    /// </summary>
    public void Reserve(int characters)
    {
        if (characters > _chars.Length && Characters == 0)
        {
            _chars = new char[characters + (characters / 4)];
        }
    }

    public long Line(int row) => _lines[row];

    public ReadOnlySpan<char> Cell(int row, int column)
    {
        var (start, length) = Bounds(row, column);
        return _chars.AsSpan(start, length);
    }

    /// <summary>The cell's characters, valid until the block is cleared: the Parquet writer reads text values from here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public ReadOnlyMemory<char> CellMemory(int row, int column)
    {
        var (start, length) = Bounds(row, column);
        return new ReadOnlyMemory<char>(_chars, start, length);
    }

    private (int Start, int Length) Bounds(int row, int column)
    {
        var index = (row * _columns) + column;
        var start = index == 0 ? 0 : _cellEnds[index - 1];
        return (start, _cellEnds[index] - start);
    }

    /// <summary>Empties the block for the next row group, keeping its arrays.</summary>
    public void Clear()
    {
        Rows = 0;
        Characters = 0;
        FirstUnobservedRow = 0;
        _cells = 0;
    }
}
