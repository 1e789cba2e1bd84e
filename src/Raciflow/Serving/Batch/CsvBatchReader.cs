using nietras.SeparatedValues;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Reads a CSV file with Sep (separator detected from the header, quotes unescaped) in chunks: numeric model
/// inputs parsed to doubles (empty, NA, NaN, null… are missing), categorical ones kept as text; the other columns
/// are kept as text only when the output needs them, since a CSV output copies the raw row instead.
/// Each row's text is copied (for the copy-through) before its cells are read, since Sep unescapes quoted cells in
/// place. Parsing stays on the reading thread: the scorer reads the next chunk while the current one is scored and
/// written on the other core, and parsing slices in parallel measured slower (more CPU, no shorter wall time).
/// </summary>
internal sealed class CsvBatchReader : IBatchReader
{
    private readonly SepReader _reader;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly BatchInputColumns _columns;
    private readonly bool _keepRawRows;
    private readonly bool _reuseBuffers;
    private readonly int _chunkRows;
    private readonly CsvRowParser _parser;

    // Two sets of buffers used in turn: the scorer reads chunk n + 1 while chunk n is scored and written, and is done
    // with chunk n before it asks for chunk n + 2. Reusing them spares the large-object heap a fresh megabyte-sized
    // array per column per chunk (page faults and gen-2 collections were a large share of the time). A reader whose
    // chunks are all kept (a whole file read into a frame) allocates fresh ones instead.
    private readonly double[]?[][] _numberSets = new double[]?[2][];
    private readonly string?[]?[][] _textSets = new string?[]?[2][];
    private readonly char[]?[] _rawSets = new char[]?[2];
    private readonly int[]?[] _startSets = new int[]?[2];
    private int _generation;

    private CsvBatchReader(SepReader reader, Stream stream, string path, BatchInputColumns columns, bool keepRawRows, bool reuseBuffers, int chunkRows)
    {
        _reader = reader;
        _stream = stream;
        _path = path;
        _columns = columns;
        _keepRawRows = keepRawRows;
        _reuseBuffers = reuseBuffers;
        _chunkRows = chunkRows;
        _parser = new CsvRowParser(path, columns);
    }

    public IReadOnlyList<string> ColumnNames => _columns.Names;

    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    /// <param name="keepRawRows">Whether chunks carry each row's text (for a CSV output that copies rows through).</param>
    /// <param name="reuseBuffers">Whether chunk n + 2 may reuse chunk n's buffers (the caller is done with a chunk by then).</param>
    public static CsvBatchReader Open(string path, BatchModelInputs inputs, bool keepRawRows, int chunkRows, bool reuseBuffers = true)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var reader = Sep.Auto.Reader(o => o with { Unescape = true, InitialBufferLength = 1 << 16 }).From(stream);
            var names = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
            return new CsvBatchReader(reader, stream, path, BatchInputColumns.Resolve(names, inputs, path), keepRawRows, reuseBuffers, chunkRows);
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
        var numbers = Buffer(_numberSets, set, () => new double[]?[width]);
        var texts = Buffer(_textSets, set, () => new string?[]?[width]);
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

        var raw = _keepRawRows ? Buffer(_rawSets, set, () => new char[_chunkRows * 64]) : [];
        var starts = _keepRawRows ? Buffer(_startSets, set, () => new int[_chunkRows + 1]) : [0];
        var rows = ReadRows(width, ref raw, starts, numbers, texts);
        if (_keepRawRows)
        {
            _rawSets[set] = raw;
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
            RawText = _keepRawRows ? raw : null,
            RawStarts = _keepRawRows ? starts : null,
            Separator = _reader.Spec.Sep.Separator,
        });
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return _stream.DisposeAsync();
    }

    private T Buffer<T>(T?[] sets, int set, Func<T> create)
        where T : class =>
        _reuseBuffers ? sets[set] ??= create() : create();

    /// <summary>
    /// Up to a chunk of rows: each row's text, as read, followed by a line feed, into <paramref name="raw"/> (grown
    /// when needed) for the copy-through, then its cells into the columns.
    /// </summary>
    private int ReadRows(int width, ref char[] raw, int[] starts, double[]?[] numbers, string?[]?[] texts)
    {
        var rows = 0;
        starts[0] = 0;
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

            if (_keepRawRows)
            {
                var span = row.Span;
                var start = starts[rows];
                if (start + span.Length + 1 > raw.Length)
                {
                    Array.Resize(ref raw, Math.Max(raw.Length * 2, start + span.Length + 1));
                }

                span.CopyTo(raw.AsSpan(start));
                raw[start + span.Length] = '\n';
                starts[rows + 1] = start + span.Length + 1;
            }

            _parser.Parse(row, rows, numbers, texts);
            rows++;
        }

        return rows;
    }
}
