using System.Globalization;
using Parquet;
using Parquet.Schema;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Reads a Parquet file (Parquet.Net) one row group at a time: number and boolean columns become doubles (NaN
/// when null), text stays text (a numeric model input stored as text is parsed, with errors naming the row),
/// anything else is carried as invariant text.
/// </summary>
internal sealed class ParquetBatchReader : IBatchReader
{
    private readonly ParquetReader _reader;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly DataField[] _fields;
    private readonly BatchInputColumns _columns;
    private readonly bool _reuseBuffers;

    // A column's values as read (nullable, converted at once) reuse one array, and its numbers two sets used in turn
    // (the scorer reads group n + 1 while group n is scored): fresh arrays of a row group's size each time cost more
    // in page faults and clearing than the conversion itself.
    private readonly Array?[] _read;
    private readonly double[]?[][] _numberSets;
    private int _group;
    private long _rowsRead;

    private ParquetBatchReader(ParquetReader reader, Stream stream, string path, DataField[] fields, BatchInputColumns columns, bool reuseBuffers)
    {
        _reuseBuffers = reuseBuffers;
        _read = new Array?[fields.Length];
        _numberSets = [new double[]?[fields.Length], new double[]?[fields.Length]];
        _reader = reader;
        _stream = stream;
        _path = path;
        _fields = fields;
        _columns = columns;
    }

    public IReadOnlyList<string> ColumnNames => _columns.Names;

    public double Progress => _reader.RowGroupCount == 0 ? 1 : (double)_group / _reader.RowGroupCount;

    /// <param name="reuseBuffers">Whether group n + 2 may reuse group n's arrays (the caller is done with a chunk by then).</param>
    public static async Task<ParquetBatchReader> OpenAsync(string path, BatchModelInputs inputs, CancellationToken cancellationToken, bool reuseBuffers = true)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken);
            var fields = reader.Schema.GetDataFields();
            return new ParquetBatchReader(reader, stream, path, fields, BatchInputColumns.Resolve(fields.Select(f => f.Name).ToArray(), inputs, path), reuseBuffers);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            await stream.DisposeAsync();
            throw new RaciflowException(ErrorKind.Invalid, $"File '{path}' is not a readable Parquet file: {ex.Message}", ex) { Location = path };
        }
    }

    public async ValueTask<BatchChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_group >= _reader.RowGroupCount)
        {
            return null;
        }

        using var group = _reader.OpenRowGroupReader(_group++);
        var rows = checked((int)group.RowCount);
        var columns = new List<FrameColumn>(_fields.Length);
        for (var c = 0; c < _fields.Length; c++)
        {
            columns.Add(ToColumn(c, await ReadValuesAsync(group, c, rows, cancellationToken), rows));
        }

        _rowsRead += rows;
        return new BatchChunk { Columns = new Frame(columns), Rows = rows };
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _stream.DisposeAsync();
    }

    /// <summary>A column's values as an array of its CLR type (nullable for value types).</summary>
    private async Task<Array> ReadValuesAsync(ParquetRowGroupReader group, int c, int rows, CancellationToken cancellationToken)
    {
        var field = _fields[c];
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[rows];
            await group.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
            return strings;
        }

        return type == typeof(double) ? await ReadAsync<double>(group, c, rows, cancellationToken)
            : type == typeof(float) ? await ReadAsync<float>(group, c, rows, cancellationToken)
            : type == typeof(long) ? await ReadAsync<long>(group, c, rows, cancellationToken)
            : type == typeof(int) ? await ReadAsync<int>(group, c, rows, cancellationToken)
            : type == typeof(short) ? await ReadAsync<short>(group, c, rows, cancellationToken)
            : type == typeof(bool) ? await ReadAsync<bool>(group, c, rows, cancellationToken)
            : type == typeof(decimal) ? await ReadAsync<decimal>(group, c, rows, cancellationToken)
            : type == typeof(DateTime) ? await ReadAsync<DateTime>(group, c, rows, cancellationToken)
            : throw RaciflowException.Invalid($"Column '{field.Name}' has Parquet type {type.Name}, which batch scoring does not read.", field.Name);
    }

    /// <summary>
    /// Values of a number-like column, in the column's reused array when its length fits (cleared first, so a value
    /// the reader leaves unset reads as null, as in a fresh array). Read values are converted at once, so one array
    /// per column is enough; text columns become the chunk's own columns and get fresh arrays.
    /// </summary>
    private async Task<Array> ReadAsync<T>(ParquetRowGroupReader group, int c, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = _read[c] is T?[] kept && kept.Length == rows ? kept : new T?[rows];
        Array.Clear(values);
        _read[c] = values;
        await group.ReadAsync<T>(_fields[c], values.AsMemory(), null, cancellationToken);
        return values;
    }

    private FrameColumn ToColumn(int c, Array data, int rows)
    {
        var name = _columns.Names[c];
        var type = _columns.TypeOf(c);
        if (_columns.IsNumeric(c))
        {
            // Column at a time over the typed array (no boxing per cell): each conversion is the one
            // IConvertible.ToDouble makes, so the numbers are those of the per-cell path this replaced.
            var numbers = Numbers(c, rows);
            return new NumericColumn(name, type, data switch
            {
                double?[] d => Convert(d, numbers, v => v),
                float?[] f => Convert(f, numbers, v => v),
                long?[] l => Convert(l, numbers, v => v),
                int?[] i => Convert(i, numbers, v => v),
                short?[] s => Convert(s, numbers, v => v),
                bool?[] b => Convert(b, numbers, v => v ? 1 : 0),
                decimal?[] m => Convert(m, numbers, v => (double)v),
                string?[] t => ParseNumbers(t, numbers, name),
                DateTime?[] dates when dates.All(d => d is null) => Convert(dates, numbers, _ => 0),
                DateTime?[] => throw RaciflowException.Invalid($"File '{_path}' column '{name}' holds dates; the model needs numbers.", $"{_path}:{name}"),
                _ => throw RaciflowException.Invalid($"File '{_path}' column '{name}' has values of type {data.GetType().GetElementType()?.Name}; the model needs numbers.", $"{_path}:{name}"),
            });
        }

        if (data is string?[] strings)
        {
            return new StringColumn(name, type, strings);
        }

        var texts = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            texts[r] = data.GetValue(r) switch
            {
                null => null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }

        return new StringColumn(name, type, texts);
    }

    /// <summary>Column c's numbers for this row group: this set's array when its length fits, else a new one.</summary>
    private double[] Numbers(int c, int rows)
    {
        if (!_reuseBuffers)
        {
            return new double[rows];
        }

        var set = _numberSets[_group % 2];
        return set[c] is { } kept && kept.Length == rows ? kept : set[c] = new double[rows];
    }

    private static double[] Convert<T>(T?[] values, double[] numbers, Func<T, double> convert)
        where T : struct
    {
        for (var r = 0; r < values.Length; r++)
        {
            numbers[r] = values[r] is { } value ? convert(value) : double.NaN;
        }

        return numbers;
    }

    private double[] ParseNumbers(string?[] texts, double[] numbers, string name)
    {
        for (var r = 0; r < texts.Length; r++)
        {
            numbers[r] = texts[r] is { } text ? BatchValues.ParseNumber(text, _path, _rowsRead + r + 1, name) : double.NaN;
        }

        return numbers;
    }
}
