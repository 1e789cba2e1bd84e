namespace Raciflow.Data.Ingestion;

/// <summary>
/// A uniform sample of at most <c>capacity</c> values from a stream of unknown length (Vitter's algorithm R).
/// Seeded, so the same file always yields the same sample and the same quartiles.
/// </summary>
internal sealed class ReservoirSample(int capacity, int seed = 20261129)
{
    private readonly double[] _items = new double[capacity];
    private readonly Random _random = new(seed);
    private long _seen;

    public void Add(double value)
    {
        if (_seen < capacity)
        {
            _items[_seen] = value;
        }
        else
        {
            var j = _random.NextInt64(_seen + 1);
            if (j < capacity)
            {
                _items[j] = value;
            }
        }

        _seen++;
    }

    /// <summary>The sampled values sorted ascending; every value seen when there were at most <c>capacity</c>.</summary>
    public double[] Sorted()
    {
        var sorted = _items.AsSpan(0, (int)Math.Min(_seen, capacity)).ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
