namespace Raciflow.Monitoring.PredictionLog;

/// <summary>The records taken off the queue for the next write, already laid out as columns per file.</summary>
internal sealed class PredictionBatch : IDisposable
{
    private readonly Dictionary<(string Model, int Version, DateOnly Day), PredictionColumns> _files = [];
    private PredictionColumns? _last;

    public int Count { get; private set; }

    /// <summary>One per model, version and day.</summary>
    public IReadOnlyCollection<PredictionColumns> Files => _files.Values;

    public void Add(PredictionRecord record)
    {
        var day = DateOnly.FromDateTime(record.Time.UtcDateTime);
        if (_last is null || _last.Version != record.Version || _last.Day != day || !string.Equals(_last.Model, record.Model, StringComparison.Ordinal))
        {
            var key = (record.Model, record.Version, day);
            if (!_files.TryGetValue(key, out _last))
            {
                _files.Add(key, _last = new PredictionColumns(record.Model, record.Version, day));
            }
        }

        _last.Add(record);
        Count++;
    }

    /// <summary>
    /// Empties the batch for reuse. A file that had rows keeps its columns, reset, for the next batch's rows of the
    /// same model, version and day (the usual case), so their arrays are long-lived and nothing is allocated per
    /// batch; a file that stayed empty for a whole batch is let go.
    /// </summary>
    public void Clear()
    {
        foreach (var (key, file) in _files)
        {
            if (file.Count == 0)
            {
                file.Dispose();
                _files.Remove(key);
            }
            else
            {
                file.Reset();
            }
        }

        _last = null;
        Count = 0;
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }

        _files.Clear();
        _last = null;
        Count = 0;
    }
}
