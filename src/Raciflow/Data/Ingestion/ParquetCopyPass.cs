using Parquet;
using Parquet.Schema;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// The second pass over a table: converts each cell to its column's inferred type, accumulates statistics and
/// writes the Parquet copy row group by row group. A row group is written on a worker thread while the next one
/// is parsed, so parsing and compression overlap; two buffers bound the memory.
/// </summary>
internal sealed class ParquetCopyPass : ICellVisitor, IAsyncDisposable
{
    private readonly DatasetSchema _schema;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly ColumnStatisticsBuilder[] _statistics;
    private readonly ColumnType[] _types;
    private readonly int _rowsPerGroup;
    private readonly CancellationToken _cancellationToken;
    private ColumnBuffer[] _current;
    private ColumnBuffer[] _spare;
    private Task _pendingWrite = Task.CompletedTask;
    private int _row;
    private bool _completed;
    private long _line;

    private ParquetCopyPass(DatasetSchema schema, ParquetWriter writer, ParquetSchema parquetSchema, CancellationToken cancellationToken)
    {
        _schema = schema;
        _writer = writer;
        _fields = parquetSchema.DataFields;
        _types = schema.Columns.Select(c => c.Type).ToArray();
        _statistics = schema.Columns.Select(c => new ColumnStatisticsBuilder(c)).ToArray();
        _rowsPerGroup = ParquetLayout.RowsPerGroup(schema.Columns.Count);
        _current = NewBuffers();
        _spare = NewBuffers();
        _cancellationToken = cancellationToken;
    }

    public long Rows { get; private set; }

    /// <summary>The schema the values are converted to.</summary>
    public DatasetSchema Schema => _schema;

    public static async Task<ParquetCopyPass> CreateAsync(DatasetSchema schema, Stream output, CancellationToken cancellationToken)
    {
        var parquetSchema = ParquetLayout.Schema(schema);
        var writer = await ParquetWriter.CreateAsync(parquetSchema, output, new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Snappy,

            // Without a sample, Parquet.Net builds a full dictionary of every string column of every row group
            // before deciding that a free-text or id-like column is too unique for dictionary encoding; the first
            // few thousand values decide that just as well for the columns we write, at a fraction of the cost.
            DictionaryEncodingSampleSize = ParquetLayout.DictionarySampleSize,
        }, false, cancellationToken);
        return new ParquetCopyPass(schema, writer, parquetSchema, cancellationToken);
    }

    public void BeginRow(long line) => _line = line;

    public void Cell(int column, ReadOnlySpan<char> value) => Convert(column, value);

    /// <summary>Converts and counts one cell: null when it is missing, else whether it parsed as its column's type.</summary>
    public bool? Convert(int column, ReadOnlySpan<char> value)
    {
        var statistics = _statistics[column];
        var buffer = _current[column];
        var row = _row;
        if (MissingValues.IsMissing(value))
        {
            statistics.AddMissing();
            buffer.SetNull(row);
            return null;
        }

        var text = value.Trim();
        switch (_types[column])
        {
            case ColumnType.Numeric when ValueParsers.TryParseDouble(text, out var d):
                buffer.Numbers![row] = d;
                statistics.AddNumber(d);
                break;
            case ColumnType.Integer when ValueParsers.TryParseInteger(text, out var l):
                buffer.Integers![row] = l;
                statistics.AddNumber(l);
                break;
            case ColumnType.Boolean when ValueParsers.TryParseBoolean(text, out var b):
                buffer.Booleans![row] = b;
                statistics.AddNumber(b ? 1 : 0);
                break;
            case ColumnType.DateTime when ValueParsers.TryParseDateTime(text, out var t):
                buffer.Dates![row] = t;
                statistics.AddNumber(t.Ticks);
                break;
            case ColumnType.Categorical or ColumnType.Text:
                buffer.Strings![row] = statistics.AddString(text);
                break;
            default:
                statistics.AddInvalid(_line, value);
                buffer.SetNull(row);
                return false;
        }

        return true;
    }

    public void EndRow()
    {
        Rows++;
        if (++_row == _rowsPerGroup)
        {
            StartWrite();
        }
    }

    /// <summary>
    /// Writes the last rows and the file footer; returns the statistics of every column, described by
    /// <paramref name="decided"/> when given (a schema with the same layout whose categorical/text split or
    /// nullability was settled after the conversion began).
    /// </summary>
    public async Task<IReadOnlyList<ColumnStatistics>> CompleteAsync(DatasetSchema? decided = null)
    {
        if (_row > 0)
        {
            StartWrite();
        }

        await _pendingWrite;
        _completed = true;
        await _writer.DisposeAsync();
        var columns = (decided ?? _schema).Columns;
        return _statistics.Select((s, i) => s.Build(columns[i])).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            await _pendingWrite;
        }
        catch (Exception)
        {
            // The pass failed or was cancelled; the caller reports the first error and deletes the partial file.
        }

        await _writer.DisposeAsync();
    }

    private void StartWrite()
    {
        // Wait for the previous group: it holds the spare buffers we are about to fill.
        _pendingWrite.GetAwaiter().GetResult();
        var full = _current;
        var rows = _row;
        _current = _spare;
        _spare = full;
        _row = 0;
        _pendingWrite = Task.Run(() => WriteGroupAsync(full, rows), _cancellationToken);
    }

    private async Task WriteGroupAsync(ColumnBuffer[] buffers, int rows)
    {
        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _fields.Length; c++)
        {
            var field = _fields[c];
            var buffer = buffers[c];
            switch (_types[c])
            {
                case ColumnType.Numeric:
                    await group.WriteAsync<double>(field, new ReadOnlyMemory<double?>(buffer.Numbers, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.Integer:
                    await group.WriteAsync<long>(field, new ReadOnlyMemory<long?>(buffer.Integers, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(field, new ReadOnlyMemory<bool?>(buffer.Booleans, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.DateTime:
                    await group.WriteAsync<DateTime>(field, new ReadOnlyMemory<DateTime?>(buffer.Dates, 0, rows), null, null, _cancellationToken);
                    break;
                default:
                    await group.WriteAsync(field, new ArraySegment<string>(buffer.Strings!, 0, rows), null);
                    break;
            }
        }
    }

    private ColumnBuffer[] NewBuffers() => _schema.Columns.Select(c => new ColumnBuffer(c.Type, _rowsPerGroup)).ToArray();
}
