using nietras.SeparatedValues;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Reads a CSV file with Sep (separator detected from the header, quotes unescaped) in chunks: numeric model
/// inputs parsed to doubles (empty, NA, NaN, null… are missing), categorical ones kept as text; the other columns
/// are kept as text only when the output needs them, since a CSV output copies the raw row instead.
/// </summary>
internal sealed class CsvBatchReader : IBatchReader
{
    private readonly SepReader _reader;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly BatchInputColumns _columns;
    private readonly bool _keepRawRows;
    private readonly int _chunkRows;
    private readonly CategoryStrings?[] _categories;

    // Two sets of column buffers used in turn: the scorer reads chunk n + 1 while chunk n is scored and written,
    // and is done with chunk n before it asks for chunk n + 2. Reusing them spares the large-object heap a fresh
    // megabyte-sized array per column per chunk (page faults and gen-2 collections were a large share of the time).
    private readonly double[]?[][] _numberSets = new double[]?[2][];
    private readonly string?[]?[][] _textSets = new string?[]?[2][];
    private readonly char[]?[] _rawSets = new char[]?[2];
    private readonly int[]?[] _startSets = new int[]?[2];
    private int _generation;

    private CsvBatchReader(SepReader reader, Stream stream, string path, BatchInputColumns columns, bool keepRawRows, int chunkRows)
    {
        _reader = reader;
        _stream = stream;
        _path = path;
        _columns = columns;
        _keepRawRows = keepRawRows;
        _chunkRows = chunkRows;
        _categories = Enumerable.Range(0, columns.Names.Count)
            .Select(c => columns.IsModelInput(c) && !columns.IsNumeric(c) && columns.TypeOf(c) == ColumnType.Categorical ? new CategoryStrings() : null)
            .ToArray();
    }

    public IReadOnlyList<string> ColumnNames => _columns.Names;

    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public static CsvBatchReader Open(string path, BatchModelInputs inputs, bool keepRawRows, int chunkRows)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var reader = Sep.Auto.Reader(o => o with { Unescape = true, InitialBufferLength = 1 << 16 }).From(stream);
            var names = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
            return new CsvBatchReader(reader, stream, path, BatchInputColumns.Resolve(names, inputs, path), keepRawRows, chunkRows);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public ValueTask<BatchChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var width = _columns.Names.Count;
        var set = _generation++ % 2;
        var numbers = _numberSets[set] ??= new double[]?[width];
        var texts = _textSets[set] ??= new string?[]?[width];
        for (var c = 0; c < width; c++)
        {
            if (_columns.IsNumeric(c))
            {
                numbers[c] ??= new double[_chunkRows];
            }
            else if (_columns.IsModelInput(c) || !_keepRawRows)
            {
                texts[c] ??= new string?[_chunkRows];
            }
        }

        var raw = _keepRawRows ? _rawSets[set] ??= new char[_chunkRows * 64] : null;
        var starts = _keepRawRows ? _startSets[set] ??= new int[_chunkRows + 1] : null;
        var rows = 0;
        while (rows < _chunkRows && _reader.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount != width)
            {
                if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                {
                    continue;
                }

                throw RaciflowException.Invalid($"File '{_path}' line {row.LineNumberFrom}: {row.ColCount} fields where the header has {width}.", _path);
            }

            for (var c = 0; c < width; c++)
            {
                if (numbers[c] is { } column)
                {
                    // Sep's parser (csFastFloat, correctly rounded like double.Parse, several times faster) for the
                    // common case; anything else (missing tokens, booleans, infinities, errors) takes the full path.
                    var cell = row[c];
                    column[rows] = cell.TryParse<double>(out var number) && double.IsFinite(number)
                        ? number
                        : BatchValues.ParseNumber(cell.Span, _path, row.LineNumberFrom, _columns.Names[c]);
                }
                else if (texts[c] is { } text)
                {
                    text[rows] = _categories[c] is { } categories ? categories.Text(row[c].Span) : BatchValues.Text(row[c].Span);
                }
            }

            if (raw is not null)
            {
                var span = row.Span;
                var start = starts![rows];
                if (start + span.Length > raw.Length)
                {
                    Array.Resize(ref raw, Math.Max(raw.Length * 2, start + span.Length));
                    _rawSets[set] = raw;
                }

                span.CopyTo(raw.AsSpan(start));
                starts[rows + 1] = start + span.Length;
            }

            rows++;
        }

        if (rows == 0)
        {
            return ValueTask.FromResult<BatchChunk?>(null);
        }

        var columns = new List<FrameColumn>(width);
        for (var c = 0; c < width; c++)
        {
            var name = _columns.Names[c];
            columns.Add(numbers[c] is { } n
                ? new NumericColumn(name, _columns.TypeOf(c), rows == _chunkRows ? n : n[..rows])
                : new StringColumn(name, _columns.TypeOf(c), texts[c] is { } t ? (rows == _chunkRows ? t : t[..rows]) : new string?[rows]));
        }

        return ValueTask.FromResult<BatchChunk?>(new BatchChunk
        {
            Columns = new Frame(columns),
            Rows = rows,
            RawText = raw,
            RawStarts = starts,
            Separator = _reader.Spec.Sep.Separator,
        });
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return _stream.DisposeAsync();
    }
}
