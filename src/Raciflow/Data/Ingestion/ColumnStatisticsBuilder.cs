using System.Runtime.CompilerServices;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// Accumulates one column's statistics in a single pass with bounded memory: exact counts and moments
/// (Welford), distinct values and their counts up to a cap, and a reservoir sample for quartiles.
/// </summary>
internal sealed class ColumnStatisticsBuilder
{
    public const int DistinctCap = 10_000;
    public const int SampleSize = 10_000;
    public const int TopValueCount = 10;
    public const int InvalidExampleCount = 5;

    private readonly ColumnSchema _column;
    private readonly Dictionary<string, KeptString> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeptString>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly HashSet<double> _numbers = [];
    private readonly List<InvalidValue> _invalidExamples = [];
    private readonly ReservoirSample? _sample;
    private long _count;
    private long _missing;
    private long _invalid;
    private bool _distinctCapped;
    private long _n;
    private double _mean;
    private double _m2;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public ColumnStatisticsBuilder(ColumnSchema column)
    {
        _column = column;
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (column.Type is ColumnType.Numeric or ColumnType.Integer)
        {
            _sample = new ReservoirSample(SampleSize);
        }
    }

    public void AddMissing()
    {
        _count++;
        _missing++;
    }

    public void AddInvalid(long line, ReadOnlySpan<char> value)
    {
        _count++;
        _invalid++;
        if (_invalidExamples.Count < InvalidExampleCount)
        {
            _invalidExamples.Add(new InvalidValue(line, value.ToString()));
        }
    }

    /// <summary>A numeric, integer or boolean (0/1) value; date-times pass their ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public void AddNumber(double value)
    {
        _count++;
        _n++;
        var delta = value - _mean;
        _mean += delta / _n;
        _m2 += delta * (value - _mean);
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _sample?.Add(value);
        if (_numbers.Count < DistinctCap)
        {
            _numbers.Add(value);
        }
        else if (!_distinctCapped && !_numbers.Contains(value))
        {
            // Once capped, further lookups cannot change anything; skipping them saves a hash probe per value
            // on every high-cardinality numeric column (ids, timestamps, measurements).
            _distinctCapped = true;
        }
    }

    /// <summary>
    /// Counts a string value; only the first <see cref="DistinctCap"/> distinct values are kept as strings. Returns
    /// the kept copy of the value, or null past the cap: the Parquet copy stores that copy instead of a slice of the
    /// parsed text, so a categorical column's values are read from a few cache lines, not one per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public ReadOnlyMemory<char>? AddString(ReadOnlySpan<char> value)
    {
        _count++;
        if (_stringLookup.TryGetValue(value, out var seen))
        {
            seen.Count++;
            return seen.Value.AsMemory();
        }

        if (_strings.Count < DistinctCap)
        {
            var kept = new KeptString(value.ToString());
            _strings.Add(kept.Value, kept);
            return kept.Value.AsMemory();
        }

        _distinctCapped = true;
        return null;
    }

    public ColumnStatistics Build() => Build(_column);

    /// <summary>
    /// The statistics, named and typed by <paramref name="column"/>: the builder's own column, or the final decision
    /// for it when that came later and stores values the same way (categorical and text gather the same counts).
    /// </summary>
    public ColumnStatistics Build(ColumnSchema column)
    {
        if (ParquetLayout.PhysicalType(column.Type) != ParquetLayout.PhysicalType(_column.Type))
        {
            throw new InvalidOperationException($"Column '{column.Name}' was gathered as {_column.Type} and cannot be described as {column.Type}.");
        }

        var isNumber = column.Type is ColumnType.Numeric or ColumnType.Integer or ColumnType.Boolean;
        var isDate = column.Type == ColumnType.DateTime;
        var sorted = _sample?.Sorted() ?? [];
        var distinct = column.Type is ColumnType.Categorical or ColumnType.Text ? _strings.Count : _numbers.Count;
        return new ColumnStatistics
        {
            Name = column.Name,
            Type = column.Type,
            Count = _count,
            Missing = _missing,
            Invalid = _invalid,
            InvalidExamples = _invalidExamples,
            Distinct = distinct,
            DistinctCapped = _distinctCapped,
            Min = isNumber && _n > 0 ? _min : null,
            Max = isNumber && _n > 0 ? _max : null,
            Mean = isNumber && _n > 0 ? _mean : null,
            StdDev = isNumber && _n > 1 ? Math.Sqrt(_m2 / (_n - 1)) : null,
            MinDate = isDate && _n > 0 ? new DateTime((long)_min, DateTimeKind.Utc) : null,
            MaxDate = isDate && _n > 0 ? new DateTime((long)_max, DateTimeKind.Utc) : null,
            Q1 = Quantiles.Of(sorted, 0.25),
            Median = Quantiles.Of(sorted, 0.5),
            Q3 = Quantiles.Of(sorted, 0.75),
            TopValues = TopValues(column.Type),
        };
    }

    private List<ValueCount> TopValues(ColumnType type)
    {
        if (type == ColumnType.Boolean)
        {
            var trues = (long)Math.Round(_mean * _n);
            return new[] { new ValueCount("true", trues), new ValueCount("false", _n - trues) }
                .Where(v => v.Count > 0).OrderByDescending(v => v.Count).ToList();
        }

        return _strings
            .Select(kv => new ValueCount(kv.Key, kv.Value.Count))
            .OrderByDescending(v => v.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(TopValueCount)
            .ToList();
    }

    /// <summary>A distinct string and how often it was seen; one lookup finds both.</summary>
    private sealed class KeptString(string value)
    {
        public string Value { get; } = value;

        public long Count { get; set; } = 1;
    }
}
