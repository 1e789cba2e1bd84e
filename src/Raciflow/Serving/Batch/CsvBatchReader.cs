using System.Runtime.CompilerServices;
using nietras.SeparatedValues;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Reads a CSV file with Sep (separator detected from the header, quotes unescaped) in chunks: numeric model
/// inputs parsed to doubles (empty, NA, NaN, null… are missing), categorical ones kept as text; the other columns
/// are kept as text only when the output needs them, since a CSV output copies the raw row instead.
/// One thread splits the file into rows with Sep and copies each row's text (as read, before any unescaping) into
/// the chunk; slices of those rows are then parsed in parallel (<see cref="CsvSliceParser"/>), so the serial part of
/// reading is little more than Sep finding the rows. Rows with quotes are parsed from Sep's cells as they are read.
/// </summary>
internal sealed class CsvBatchReader : IBatchReader
{
    private const int MinimumSliceRows = 4096;

    private readonly SepReader _reader;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly BatchInputColumns _columns;
    private readonly bool _keepRawRows;
    private readonly bool _reuseBuffers;
    private readonly int _chunkRows;
    private readonly CsvSliceParser[] _parsers;
    private readonly CsvSliceParser _quotedRows;

    // Two sets of buffers used in turn: the scorer reads chunk n + 1 while chunk n is scored and written, and is done
    // with chunk n before it asks for chunk n + 2. Reusing them spares the large-object heap a fresh megabyte-sized
    // array per column per chunk (page faults and gen-2 collections were a large share of the time). A reader whose
    // chunks are all kept (a whole file read into a frame) allocates fresh ones instead.
    private readonly double[]?[][] _numberSets = new double[]?[2][];
    private readonly string?[]?[][] _textSets = new string?[]?[2][];
    private readonly char[]?[] _rawSets = new char[]?[2];
    private readonly int[]?[] _startSets = new int[]?[2];
    private readonly int[]?[] _lineSets = new int[]?[2];
    private readonly bool[]?[] _parsedSets = new bool[]?[2];
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
        var separator = reader.Spec.Sep.Separator;
        _parsers = Enumerable.Range(0, SlicesFor(chunkRows)).Select(_ => new CsvSliceParser(path, columns, separator)).ToArray();
        _quotedRows = new CsvSliceParser(path, columns, separator);
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

        var raw = Buffer(_rawSets, set, () => new char[_chunkRows * 64]);
        var starts = Buffer(_startSets, set, () => new int[_chunkRows + 1]);
        var lines = Buffer(_lineSets, set, () => new int[_chunkRows]);
        var parsed = Buffer(_parsedSets, set, () => new bool[_chunkRows]);
        var (rows, rowError) = SplitRows(width, ref raw, starts, lines, parsed, numbers, texts);
        _rawSets[set] = raw;
        if (rows > 0)
        {
            ParseSlices(raw, starts, lines, parsed, rows, numbers, texts);
        }

        // A row with the wrong number of fields (or a bad cell in a row with quotes) ends the chunk; the rows before
        // it are parsed first, so a bad cell above it is still the error reported, as when rows were read one at a
        // time.
        if (rowError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(rowError);
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

    private static int SlicesFor(int rows) => Math.Max(1, Math.Min(2 * Environment.ProcessorCount, rows / MinimumSliceRows));

    private T Buffer<T>(T?[] sets, int set, Func<T> create)
        where T : class =>
        _reuseBuffers ? sets[set] ??= create() : create();

    /// <summary>
    /// Up to a chunk of rows: each row's text, as read, followed by a line feed, into <paramref name="raw"/> (grown
    /// when needed), with where it starts and its line number; rows with quotes are parsed here (flagged in
    /// <paramref name="parsed"/>). Stops early at a row with the wrong number of fields or a bad quoted row, returned
    /// as the error to throw once the rows before it are parsed.
    /// </summary>
    // Optimised at once: with tiering, much of a file would run through unoptimised or instrumented code first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Rows, Exception? RowError) SplitRows(int width, ref char[] raw, int[] starts, int[] lines, bool[] parsed, double[]?[] numbers, string?[]?[] texts)
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

                return (rows, RaciflowException.Invalid($"File '{_path}' line {row.LineNumberFrom}: {row.ColCount} fields where the header has {width}.", _path));
            }

            var span = row.Span;
            var start = starts[rows];
            if (start + span.Length + 1 > raw.Length)
            {
                Array.Resize(ref raw, Math.Max(raw.Length * 2, start + span.Length + 1));
            }

            span.CopyTo(raw.AsSpan(start));
            raw[start + span.Length] = '\n';
            starts[rows + 1] = start + span.Length + 1;
            lines[rows] = row.LineNumberFrom;

            // Only after the copy: Sep unescapes quoted cells in place, which would change the row's text.
            parsed[rows] = span.Contains('"');
            if (parsed[rows])
            {
                try
                {
                    _quotedRows.Parse(row, rows, numbers, texts);
                }
                catch (RaciflowException ex)
                {
                    return (rows, ex);
                }
            }

            rows++;
        }

        return (rows, null);
    }

    /// <summary>Parses slices of the rows in parallel; of several bad cells, the first in the file is the one thrown.</summary>
    private void ParseSlices(char[] raw, int[] starts, int[] lines, bool[] parsed, int rows, double[]?[] numbers, string?[]?[] texts)
    {
        var slices = Math.Min(_parsers.Length, SlicesFor(rows));
        var size = (rows + slices - 1) / slices;
        var errors = new Exception?[slices];
        Parallel.For(0, slices, s =>
        {
            var first = s * size;
            var count = Math.Min(size, rows - first);
            if (count <= 0)
            {
                return;
            }

            try
            {
                _parsers[s].Parse(raw, starts, lines, parsed, first, count, numbers, texts);
            }
            catch (Exception ex)
            {
                errors[s] = ex;
            }
        });

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }
}
