using System.Buffers;
using System.Globalization;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// A text column of a prediction-log file kept as characters in one pooled buffer, not as strings. Records are
/// added on the request threads, and a string kept until the file is written would outlive its request: every
/// garbage collection meanwhile would copy it, while all request threads wait. The file is encoded from slices of
/// the buffer (<see cref="CopyParts"/>), so no string is made for it at all. Rows never set read as missing.
/// </summary>
internal sealed class TextColumn : IDisposable
{
    private readonly ColumnBuffer<int> _starts = new();

    // Length + 1, so that the default 0 of a row never set means missing.
    private readonly ColumnBuffer<int> _lengths = new();
    private char[] _chars = [];
    private int _used;

    public void Set(int row, string? text)
    {
        if (text is null)
        {
            SetMissing(row);
            return;
        }

        var start = Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(start));
        Commit(row, start, text.Length);
    }

    /// <summary>A number as text, the way <see cref="LoggedValue.ToText"/> writes it, without making a string.</summary>
    public void Set(int row, double number)
    {
        // "R" never needs more than 32 characters for a double.
        var start = Reserve(32);
        if (!number.TryFormat(_chars.AsSpan(start), out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The number {number} did not fit its text buffer.");
        }

        Commit(row, start, written);
    }

    /// <summary>No row set since the start or the last <see cref="Clear"/>.</summary>
    public bool IsEmpty => _lengths.IsEmpty;

    public void SetMissing(int row)
    {
        _starts.Set(row, 0);
        _lengths.Set(row, 0);
    }

    /// <summary>Forgets rows from count on (a row added only in part); they read as missing again.</summary>
    public void Truncate(int count)
    {
        _starts.Truncate(count);
        _lengths.Truncate(count);
    }

    /// <summary>Forgets every row but keeps the buffers, for the next file's rows.</summary>
    public void Clear()
    {
        Truncate(0);
        _used = 0;
    }

    /// <summary>Reorders the first order.Length rows: row i becomes the old row order[i].</summary>
    public void Permute(int[] order)
    {
        _starts.Permute(order);
        _lengths.Permute(order);
    }

    /// <summary>
    /// The first <c>definitionLevels.Length</c> rows as Parquet writes them: the values present, in row order, as
    /// slices of this column's buffer (no string is made), and a definition level per row (1 present, 0 missing).
    /// Returns how many values it wrote; the slices are valid until the column next changes.
    /// </summary>
    public int CopyParts(Span<ReadOnlyMemory<char>> values, Span<int> definitionLevels)
    {
        var starts = _starts.Segment(definitionLevels.Length);
        var lengths = _lengths.Segment(definitionLevels.Length);
        var present = 0;
        for (var row = 0; row < definitionLevels.Length; row++)
        {
            definitionLevels[row] = lengths[row] == 0 ? 0 : 1;
            if (lengths[row] != 0)
            {
                values[present++] = _chars.AsMemory(starts[row], lengths[row] - 1);
            }
        }

        return present;
    }

    public void Dispose()
    {
        _starts.Dispose();
        _lengths.Dispose();
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = [];
        _used = 0;
    }

    private int Reserve(int length)
    {
        if (_used + length > _chars.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_used + length, Math.Max(16 * 1_024, _chars.Length * 2)));
            _chars.AsSpan(0, _used).CopyTo(larger);
            if (_chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }

            _chars = larger;
        }

        return _used;
    }

    private void Commit(int row, int start, int length)
    {
        _used = start + length;
        _starts.Set(row, start);
        _lengths.Set(row, length + 1);
    }
}
