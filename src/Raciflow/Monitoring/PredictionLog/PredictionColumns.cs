namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// The rows of one prediction-log file (one model, version and day) as typed columns, filled as records come off
/// the queue. A record and its input dictionary then die young instead of living until the batch is written: what
/// survives a garbage collection is what the collector copies while every request thread waits. The arrays come
/// from the shared pool and go back on <see cref="Dispose"/>; repeated text values share one string.
/// </summary>
internal sealed class PredictionColumns(string model, int version, DateOnly day) : IDisposable
{
    private readonly Dictionary<string, InputColumn> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnBuffer<double?>> _probabilities = new(StringComparer.Ordinal);
    private readonly ColumnBuffer<string?> _ids = new();
    private readonly ColumnBuffer<long> _times = new();
    private readonly ColumnBuffer<double> _latencies = new();
    private readonly ColumnBuffer<string?> _statuses = new();
    private readonly ColumnBuffer<double?> _values = new();
    private readonly ColumnBuffer<string?> _labels = new();
    private readonly TextPool _labelTexts = new();
    private bool _inTimeOrder = true;

    public string Model => model;

    public int Version => version;

    public DateOnly Day => day;

    public int Count { get; private set; }

    /// <summary>Appends a record as the next row; a record that cannot be read adds nothing and throws.</summary>
    public void Add(PredictionRecord record)
    {
        var row = Count;
        try
        {
            Append(row, record);
            Count = row + 1;
        }
        catch
        {
            Truncate(row);
            throw;
        }
    }

    private void Append(int row, PredictionRecord record)
    {
        var time = LogTime.ToMicroseconds(record.Time);
        _inTimeOrder &= row == 0 || time >= _times[row - 1];
        _ids.Set(row, record.RequestId);
        _times.Set(row, time);
        _latencies.Set(row, record.LatencyMs);
        _statuses.Set(row, record.Status == PredictionStatus.Error ? "error" : "ok");
        _values.Set(row, record.Output?.Value is { } v && !double.IsNaN(v) ? v : null);
        _labels.Set(row, _labelTexts.Share(record.Output?.Label));
        foreach (var (name, value) in record.Inputs)
        {
            if (!_inputs.TryGetValue(name, out var column))
            {
                _inputs.Add(name, column = new InputColumn());
            }

            column.Set(row, value);
        }

        if (record.Output?.Probabilities is { } classes)
        {
            foreach (var (label, p) in classes)
            {
                if (!_probabilities.TryGetValue(label, out var column))
                {
                    _probabilities.Add(label, column = new ColumnBuffer<double?>());
                }

                column.Set(row, p);
            }
        }
    }

    /// <summary>Puts the rows in time order (stable: the rows of one request keep theirs); records mostly come so.</summary>
    public void SortByTime()
    {
        if (_inTimeOrder)
        {
            return;
        }

        var order = Enumerable.Range(0, Count).OrderBy(i => _times[i]).ToArray();
        _ids.Permute(order);
        _times.Permute(order);
        _latencies.Permute(order);
        _statuses.Permute(order);
        _values.Permute(order);
        _labels.Permute(order);
        foreach (var column in _inputs.Values)
        {
            column.Permute(order);
        }

        foreach (var column in _probabilities.Values)
        {
            column.Permute(order);
        }

        _inTimeOrder = true;
    }

    public long FirstMicroseconds => _times[0];

    public long LastMicroseconds => _times[Count - 1];

    public ArraySegment<string?> RequestIds => _ids.Segment(Count);

    public ReadOnlyMemory<long> Times => _times.Segment(Count);

    public ReadOnlyMemory<double> Latencies => _latencies.Segment(Count);

    public ArraySegment<string?> Statuses => _statuses.Segment(Count);

    public ReadOnlyMemory<double?> Values => _values.Segment(Count);

    public ArraySegment<string?> Labels => _labels.Segment(Count);

    /// <summary>Every input by name (ordinal order): numbers while every logged value was one, else text.</summary>
    public IEnumerable<(string Name, ReadOnlyMemory<double?> Numbers, ArraySegment<string?>? Texts)> Inputs =>
        _inputs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (ReadOnlyMemory<double?>)p.Value.Numbers.Segment(Count), p.Value.Texts?.Segment(Count)));

    /// <summary>Every class probability by label (ordinal order).</summary>
    public IEnumerable<(string Label, ReadOnlyMemory<double?> Values)> Probabilities =>
        _probabilities.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (ReadOnlyMemory<double?>)p.Value.Segment(Count)));

    private void Truncate(int count)
    {
        _ids.Truncate(count);
        _times.Truncate(count);
        _latencies.Truncate(count);
        _statuses.Truncate(count);
        _values.Truncate(count);
        _labels.Truncate(count);
        foreach (var column in _inputs.Values)
        {
            column.Numbers.Truncate(count);
            column.Texts?.Truncate(count);
        }

        foreach (var column in _probabilities.Values)
        {
            column.Truncate(count);
        }
    }

    public void Dispose()
    {
        _ids.Dispose();
        _times.Dispose();
        _latencies.Dispose();
        _statuses.Dispose();
        _values.Dispose();
        _labels.Dispose();
        foreach (var column in _inputs.Values)
        {
            column.Dispose();
        }

        foreach (var column in _probabilities.Values)
        {
            column.Dispose();
        }
    }

    /// <summary>One input's values: numbers while every logged value is one, text from the first that is not.</summary>
    private sealed class InputColumn : IDisposable
    {
        private readonly TextPool _texts = new();

        public ColumnBuffer<double?> Numbers { get; } = new();

        public ColumnBuffer<string?>? Texts { get; private set; }

        public void Set(int row, object? value)
        {
            var isNumber = LoggedValue.TryNumber(value, out var number, out var text);
            if (Texts is null)
            {
                if (isNumber || text is null)
                {
                    Numbers.Set(row, isNumber ? number : null);
                    return;
                }

                Texts = new ColumnBuffer<string?>();
                for (var i = 0; i < row; i++)
                {
                    Texts.Set(i, Numbers[i] is { } d ? _texts.Share(LoggedValue.ToText(d)) : null);
                }
            }

            Texts.Set(row, _texts.Share(isNumber ? LoggedValue.ToText(number) : text));
        }

        public void Permute(int[] order)
        {
            Numbers.Permute(order);
            Texts?.Permute(order);
        }

        public void Dispose()
        {
            Numbers.Dispose();
            Texts?.Dispose();
        }
    }
}
