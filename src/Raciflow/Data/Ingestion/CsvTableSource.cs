using System.Text;
using nietras.SeparatedValues;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// A CSV file read with Sep: the delimiter (comma, semicolon, tab, pipe) is detected from the header, quoted
/// fields may hold delimiters and line breaks, a UTF-8 byte order mark is skipped. Invalid UTF-8 and ragged rows
/// are errors naming their lines; blank lines are skipped.
/// </summary>
internal sealed class CsvTableSource : ITableSource
{
    private const int RaggedExamples = 5;
    private readonly Stream _stream;
    private readonly SepReader _reader;
    private readonly string _path;
    private readonly string _displayName;

    private CsvTableSource(Stream stream, SepReader reader, IReadOnlyList<string> columnNames, string path, string displayName)
    {
        _stream = stream;
        _reader = reader;
        ColumnNames = columnNames;
        _path = path;
        _displayName = displayName;
    }

    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Opens <paramref name="stream"/> (the bytes of <paramref name="path"/>) and reads its header.</summary>
    public static CsvTableSource Open(Stream stream, string path, string displayName)
    {
        var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        SepReader? reader = null;
        try
        {
            reader = Sep.Auto.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, InitialBufferLength = 1 << 16 }).From(text);
            if (!reader.MoveNext())
            {
                throw RaciflowException.Invalid($"File '{displayName}' is empty: it has no header row and no data.", displayName);
            }

            var header = reader.Current;
            var names = new string[header.ColCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = header[i].Span.Trim().ToString();
            }

            HeaderValidator.Validate(names, displayName);
            return new CsvTableSource(stream, reader, names, path, displayName);
        }
        catch (DecoderFallbackException)
        {
            reader?.Dispose();
            throw Utf8ErrorLocator.Describe(path, displayName);
        }
        catch
        {
            reader?.Dispose();
            throw;
        }
    }

    public Task ReadAsync(ICellVisitor visitor, Action<double>? progress, CancellationToken cancellationToken)
    {
        var width = ColumnNames.Count;
        var ragged = new List<string>();
        long raggedCount = 0;
        long rows = 0;
        var length = LengthOf(_stream);
        try
        {
            while (_reader.MoveNext())
            {
                var row = _reader.Current;
                if ((++rows & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (length > 0)
                    {
                        progress?.Invoke((double)_stream.Position / length);
                    }
                }

                if (row.ColCount != width)
                {
                    if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                    {
                        continue;
                    }

                    if (raggedCount++ < RaggedExamples)
                    {
                        ragged.Add($"line {row.LineNumberFrom}: {row.ColCount} fields");
                    }

                    continue;
                }

                if (raggedCount > 0)
                {
                    continue;
                }

                visitor.BeginRow(row.LineNumberFrom);
                for (var i = 0; i < width; i++)
                {
                    visitor.Cell(i, row[i].Span);
                }

                visitor.EndRow();
            }
        }
        catch (DecoderFallbackException)
        {
            throw Utf8ErrorLocator.Describe(_path, _displayName);
        }

        if (raggedCount > 0)
        {
            throw new RaciflowException(
                ErrorKind.Invalid,
                $"File '{_displayName}' has {raggedCount} row(s) whose field count differs from the header's {width} columns: {string.Join("; ", ragged)}{(raggedCount > RaggedExamples ? "; …" : string.Empty)}.")
            {
                Location = _displayName,
                Details = ragged,
            };
        }

        progress?.Invoke(1);
        return Task.CompletedTask;
    }

    private static long LengthOf(Stream stream)
    {
        try
        {
            return Math.Max(1, stream.Length);
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return _stream.DisposeAsync();
    }
}
