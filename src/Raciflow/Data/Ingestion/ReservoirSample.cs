namespace Raciflow.Data.Ingestion;

/// <summary>
/// A uniform sample of at most <c>capacity</c> values from a stream of unknown length (Li's algorithm L: once the
/// reservoir is full, the number of values to skip before the next replacement is drawn at random, so a value that
/// is not taken costs one comparison instead of a random draw). Seeded, so the same file always yields the same
/// sample and the same quartiles.
/// </summary>
internal sealed class ReservoirSample(int capacity, int seed = 20261129)
{
    private readonly double[] _items = new double[capacity];
    private readonly Random _random = new(seed);
    private long _seen;
    private long _next;
    private double _w;

    public void Add(double value)
    {
        if (_seen < capacity)
        {
            _items[_seen] = value;
            if (_seen == capacity - 1)
            {
                _w = Math.Exp(Math.Log(Uniform()) / capacity);
                _next = _seen + Skip();
            }
        }
        else if (_seen == _next)
        {
            _items[_random.Next(capacity)] = value;
            _w *= Math.Exp(Math.Log(Uniform()) / capacity);
            _next = _seen + Skip();
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

    /// <summary>How far ahead the next replaced value is: 1 + a geometric number of skipped values.</summary>
    private long Skip()
    {
        var skip = Math.Floor(Math.Log(Uniform()) / Math.Log(1 - _w));
        return 1 + (double.IsFinite(skip) ? (long)Math.Min(skip, long.MaxValue / 4) : 0);
    }

    /// <summary>A random number in (0, 1): its logarithm is finite and negative.</summary>
    private double Uniform()
    {
        double u;
        do
        {
            u = _random.NextDouble();
        }
        while (u == 0);
        return u;
    }
}
