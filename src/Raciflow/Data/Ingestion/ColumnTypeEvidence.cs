using System.Runtime.CompilerServices;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// What one column's values say about its type: how many were missing and how many failed to parse as each
/// candidate type. A candidate is dropped early once it clearly cannot win, so text columns cost little.
/// </summary>
internal sealed class ColumnTypeEvidence
{
    /// <summary>A type is accepted when at most this fraction of present values break it ("nearly all").</summary>
    public const double InvalidTolerance = 0.01;

    /// <summary>At most this many distinct values make a string column categorical rather than text.</summary>
    public const int CategoricalMaxDistinct = 1000;

    private const int Candidates = 4;
    private readonly long[] _failures = new long[Candidates];
    private readonly bool[] _dropped = new bool[Candidates];
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _distinctLookup;

    public ColumnTypeEvidence(string name)
    {
        Name = name;
        _distinctLookup = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    public long Present { get; private set; }

    public long Missing { get; private set; }

    public void Observe(ReadOnlySpan<char> value) => Observe(value, ColumnType.Text, MissingValues.IsMissing(value) ? null : true);

    /// <summary>
    /// Observes a value whose parse as <paramref name="parsedAs"/> is already known: <paramref name="parsed"/> is null
    /// when the value is missing, else whether it parsed (always true for text). The converter of the single pass has
    /// just parsed it, so the evidence reuses that outcome instead of parsing again; every other candidate is checked
    /// as usual.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public void Observe(ReadOnlySpan<char> value, ColumnType parsedAs, bool? parsed)
    {
        var known = parsedAs switch
        {
            ColumnType.Boolean => 0,
            ColumnType.Integer => 1,
            ColumnType.Numeric => 2,
            ColumnType.DateTime => 3,
            _ => -1,
        };
        if (parsed is null)
        {
            Missing++;
            return;
        }

        Present++;
        value = value.Trim();

        // Dropped candidates are skipped here, not in Check: after the first thousand values most columns have one
        // candidate left, and these calls run for every cell.
        if (!_dropped[0])
        {
            Check(0, value, known == 0 ? parsed : null, static v => ValueParsers.TryParseBoolean(v, out _));
        }

        // Every value that parses as an integer (sign, digits, surrounding white space) also parses as a finite
        // double, so the costlier double parse is needed only for values that are not integers.
        if ((_dropped[1] || !Check(1, value, known == 1 ? parsed : null, static v => ValueParsers.TryParseInteger(v, out _))) && !_dropped[2])
        {
            Check(2, value, known == 2 ? parsed : null, static v => ValueParsers.TryParseDouble(v, out _));
        }

        if (!_dropped[3])
        {
            Check(3, value, known == 3 ? parsed : null, static v => ValueParsers.TryParseDateTime(v, out _));
        }
        if (_distinct.Count <= CategoricalMaxDistinct && !_distinctLookup.Contains(value))
        {
            _distinctLookup.Add(value);
        }
    }

    /// <summary>The type that the fewest values break, if few enough break it; else categorical or text.</summary>
    public ColumnSchema Decide()
    {
        var nullable = Missing > 0;
        if (Present == 0)
        {
            return new ColumnSchema(Name, ColumnType.Text, true);
        }

        var best = -1;
        for (var i = 0; i < Candidates; i++)
        {
            if (!_dropped[i] && _failures[i] <= Present * InvalidTolerance && (best < 0 || _failures[i] < _failures[best]))
            {
                best = i;
            }
        }

        var type = best switch
        {
            0 => ColumnType.Boolean,
            1 => ColumnType.Integer,
            2 => ColumnType.Numeric,
            3 => ColumnType.DateTime,
            _ => IsCategorical() ? ColumnType.Categorical : ColumnType.Text,
        };

        // Values that break the chosen type are stored as null, so the column is nullable.
        return new ColumnSchema(Name, type, nullable || (best >= 0 && _failures[best] > 0));
    }

    private bool IsCategorical() =>
        _distinct.Count <= CategoricalMaxDistinct && (_distinct.Count <= 20 || _distinct.Count * 2L <= Present);

    /// <summary>
    /// Counts a failure of <paramref name="candidate"/>, which the caller has seen is still a candidate; true when the
    /// value parses (<paramref name="known"/> when the caller already parsed it that way).
    /// </summary>
    private bool Check(int candidate, ReadOnlySpan<char> value, bool? known, ParseCheck parses)
    {
        if (known ?? parses(value))
        {
            return true;
        }

        var failures = ++_failures[candidate];

        // Twice the tolerance after a thousand values: this candidate cannot come back to win.
        if (Present >= 1000 && failures > Present * InvalidTolerance * 2)
        {
            _dropped[candidate] = true;
        }

        return false;
    }

    private delegate bool ParseCheck(ReadOnlySpan<char> value);
}
