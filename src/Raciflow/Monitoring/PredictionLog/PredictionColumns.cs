namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// The rows of one prediction-log file (one model, version and day) as typed columns, filled on the request
/// threads. The columns keep numbers and characters, not the request's objects, so nothing of a request outlives
/// it: what survives a garbage collection is what the collector copies while every request thread waits. The
/// arrays come from the shared pool; <see cref="Reset"/> keeps them for the next batch's rows of the same file,
/// so a steady stream of records allocates nothing, and <see cref="Dispose"/> gives them back.
/// </summary>
internal sealed class PredictionColumns(string model, int version, DateOnly day) : IDisposable
{
    private readonly Dictionary<string, InputColumn> _inputs = new(StringComparer.Ordinal);
    private readonly List<(string Name, InputColumn Column)> _inputOrder = [];
    private readonly Dictionary<string, ColumnBuffer<double?>> _probabilities = new(StringComparer.Ordinal);
    private readonly TextColumn _ids = new();
    private readonly ColumnBuffer<long> _times = new();
    private readonly ColumnBuffer<double> _latencies = new();
    private readonly ColumnBuffer<string?> _statuses = new();
    private readonly ColumnBuffer<string?> _sources = new();
    private readonly ColumnBuffer<double?> _values = new();
    private readonly TextColumn _labels = new();
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
        _sources.Set(row, Serving.PredictionSources.Name(record.Source));
        _values.Set(row, record.Output?.Value is { } v && !double.IsNaN(v) ? v : null);
        _labels.Set(row, record.Output?.Label);
        // Through the interface every record would box an enumerator; the parsers hand over plain dictionaries.
        var index = 0;
        if (record.Inputs is Dictionary<string, object?> inputs)
        {
            foreach (var (name, value) in inputs)
            {
                SetInput(row, index++, name, value);
            }
        }
        else
        {
            foreach (var (name, value) in record.Inputs)
            {
                SetInput(row, index++, name, value);
            }
        }

        if (record.Output?.Probabilities is Dictionary<string, double> probabilities)
        {
            foreach (var (label, p) in probabilities)
            {
                SetProbability(row, label, p);
            }
        }
        else if (record.Output?.Probabilities is { } classes)
        {
            foreach (var (label, p) in classes)
            {
                SetProbability(row, label, p);
            }
        }
    }

    private void SetInput(int row, int index, string name, object? value)
    {
        // Records of one model list their inputs in the same order under the same name strings (the signature's), so
        // the column of the previous record's index-th input is almost always this one, found without hashing.
        InputColumn? column = null;
        if (index < _inputOrder.Count && ReferenceEquals(_inputOrder[index].Name, name))
        {
            column = _inputOrder[index].Column;
        }
        else
        {
            if (!_inputs.TryGetValue(name, out column))
            {
                _inputs.Add(name, column = new InputColumn());
            }

            if (index < _inputOrder.Count)
            {
                _inputOrder[index] = (name, column);
            }
            else if (index == _inputOrder.Count)
            {
                _inputOrder.Add((name, column));
            }
        }

        column.Set(row, value);
    }

    private void SetProbability(int row, string label, double p)
    {
        if (!_probabilities.TryGetValue(label, out var column))
        {
            _probabilities.Add(label, column = new ColumnBuffer<double?>());
        }

        column.Set(row, p);
    }

    /// <summary>Forgets every row and every column's use, keeping the buffers.</summary>
    public void Reset()
    {
        Count = 0;
        _inTimeOrder = true;
        _ids.Clear();
        _times.Truncate(0);
        _latencies.Truncate(0);
        _statuses.Truncate(0);
        _sources.Truncate(0);
        _values.Truncate(0);
        _labels.Clear();
        foreach (var column in _inputs.Values)
        {
            column.Reset();
        }

        foreach (var column in _probabilities.Values)
        {
            column.Truncate(0);
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
        _sources.Permute(order);
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

    public TextColumn RequestIds => _ids;

    public ReadOnlyMemory<long> Times => _times.Segment(Count);

    public ReadOnlyMemory<double> Latencies => _latencies.Segment(Count);

    public ArraySegment<string?> Statuses => _statuses.Segment(Count);

    public ArraySegment<string?> Sources => _sources.Segment(Count);

    public ReadOnlyMemory<double?> Values => _values.Segment(Count);

    public TextColumn Labels => _labels;

    /// <summary>Every input by name (ordinal order): numbers while every logged value was one, else text.</summary>
    public IEnumerable<(string Name, ReadOnlyMemory<double?> Numbers, TextColumn? Texts)> Inputs =>
        _inputs.Where(p => !p.Value.IsEmpty).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (ReadOnlyMemory<double?>)p.Value.Numbers.Segment(Count), p.Value.Texts));

    /// <summary>Every class probability by label (ordinal order).</summary>
    public IEnumerable<(string Label, ReadOnlyMemory<double?> Values)> Probabilities =>
        _probabilities.Where(p => !p.Value.IsEmpty).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (ReadOnlyMemory<double?>)p.Value.Segment(Count)));

    private void Truncate(int count)
    {
        _ids.Truncate(count);
        _times.Truncate(count);
        _latencies.Truncate(count);
        _statuses.Truncate(count);
        _sources.Truncate(count);
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
        _sources.Dispose();
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
        // The text buffers of an earlier batch, kept for when this input turns to text again.
        private TextColumn? _spareTexts;

        public ColumnBuffer<double?> Numbers { get; } = new();

        public TextColumn? Texts { get; private set; }

        /// <summary>Whether no row of the current file has this input (it is then not written).</summary>
        public bool IsEmpty => Numbers.IsEmpty && (Texts is null || Texts.IsEmpty);

        public void Reset()
        {
            Numbers.Truncate(0);
            if (Texts is not null)
            {
                Texts.Clear();
                _spareTexts = Texts;
                Texts = null;
            }
        }

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

                // The column may start here (the input was absent from earlier rows): those rows read as missing.
                var earlier = Numbers.Segment(row);
                Texts = _spareTexts ?? new TextColumn();
                _spareTexts = null;
                for (var i = 0; i < row; i++)
                {
                    if (earlier[i] is { } d)
                    {
                        Texts.Set(i, d);
                    }
                }
            }

            if (isNumber)
            {
                Texts.Set(row, number);
            }
            else
            {
                Texts.Set(row, text);
            }
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
            _spareTexts?.Dispose();
        }
    }
}
