using System.Buffers;
using System.Runtime.CompilerServices;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// A growing column of a prediction-log file on arrays from the shared pool, so writing batch after batch does not
/// allocate a large array per column each time. Rows never set read as the default (missing).
/// </summary>
internal sealed class ColumnBuffer<T> : IDisposable
{
    private T[] _items = [];

    // Rows [0, _filled) hold values or defaults; pooled arrays come back dirty beyond that.
    private int _filled;

    public T this[int row] => _items[row];

    /// <summary>No row set since the start or the last <see cref="Truncate"/> to 0.</summary>
    public bool IsEmpty => _filled == 0;

    public void Set(int row, T value)
    {
        // Rows almost always come in order: the next row of an array with room needs no clearing.
        if (row == _filled && row < _items.Length)
        {
            _items[row] = value;
            _filled = row + 1;
            return;
        }

        Fill(row + 1);
        _items[row] = value;
    }

    /// <summary>Forgets rows from count on (a row added only in part); they read as missing again.</summary>
    public void Truncate(int count) => _filled = Math.Min(_filled, count);

    public ArraySegment<T> Segment(int count)
    {
        Fill(count);
        return new ArraySegment<T>(_items, 0, count);
    }

    /// <summary>Reorders the first order.Length rows: row i becomes the old row order[i].</summary>
    public void Permute(int[] order)
    {
        Fill(order.Length);
        var reordered = ArrayPool<T>.Shared.Rent(_items.Length);
        for (var i = 0; i < order.Length; i++)
        {
            reordered[i] = _items[order[i]];
        }

        Release(_items);
        _items = reordered;
        _filled = order.Length;
    }

    public void Dispose()
    {
        Release(_items);
        _items = [];
        _filled = 0;
    }

    /// <summary>Makes rows [0, count) readable, clearing the ones never set.</summary>
    private void Fill(int count)
    {
        if (count > _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(Math.Max(count, Math.Max(1_024, _items.Length * 2)));
            Array.Copy(_items, larger, _filled);
            Release(_items);
            _items = larger;
        }

        if (count > _filled)
        {
            Array.Clear(_items, _filled, count - _filled);
            _filled = count;
        }
    }

    private static void Release(T[] items)
    {
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
