using System.Buffers;
using System.Globalization;
using System.Text;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Writes CSV: a CSV input's rows are copied through as read (same separator), other inputs' cells formatted
/// invariantly; then the prediction cells. Fields holding the separator, quotes or line breaks are quoted. Slices
/// of a chunk's rows are formatted and encoded to UTF-8 in parallel into their own buffers (formatting numbers costs
/// as much as predicting them), then written to the stream in order, so the serial part of writing is the copy into
/// the file.
/// </summary>
internal sealed class CsvBatchWriter(Stream stream, IReadOnlyList<string> inputColumns, IReadOnlyList<string> predictionColumns) : IBatchWriter
{
    private const int MinimumSliceRows = 4096;

    private static readonly UTF8Encoding Utf8 = new(false);

    private ArrayBufferWriter<char>[] _slices = [];
    private byte[][] _bytes = [];
    private int[] _byteCounts = [];
    private bool _headerWritten;

    public ValueTask WriteAsync(BatchChunk chunk, BatchPredictions predictions, CancellationToken cancellationToken)
    {
        var separator = chunk.Separator;
        if (!_headerWritten)
        {
            stream.Write(Utf8.GetBytes(string.Join(separator, inputColumns.Concat(predictionColumns).Select(n => CsvField.Quote(n, separator))) + "\n"));
            _headerWritten = true;
        }

        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, chunk.Rows / MinimumSliceRows));
        if (_slices.Length != slices)
        {
            _slices = Enumerable.Range(0, slices).Select(_ => new ArrayBufferWriter<char>(1 << 16)).ToArray();
            _bytes = Enumerable.Range(0, slices).Select(_ => Array.Empty<byte>()).ToArray();
            _byteCounts = new int[slices];
        }

        var size = (chunk.Rows + slices - 1) / slices;
        Parallel.For(0, slices, s => FormatSlice(chunk, predictions, s * size, Math.Min(chunk.Rows, (s + 1) * size), s));

        for (var s = 0; s < slices; s++)
        {
            stream.Write(_bytes[s], 0, _byteCounts[s]);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => new(stream.FlushAsync(cancellationToken));

    /// <summary>Nothing of its own to release: the stream belongs to the caller.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Rows <c>first .. end</c> as UTF-8 into slice <paramref name="s"/>'s buffer.</summary>
    private void FormatSlice(BatchChunk chunk, BatchPredictions predictions, int first, int end, int s)
    {
        var separator = chunk.Separator;
        var text = _slices[s];
        text.ResetWrittenCount();
        for (var r = first; r < end; r++)
        {
            if (chunk.RawText is { } raw)
            {
                Append(text, raw.AsSpan(chunk.RawStarts![r], chunk.RawStarts[r + 1] - chunk.RawStarts[r] - 1));
            }
            else
            {
                AppendCells(text, chunk.Columns, r, separator);
            }

            AppendPrediction(text, predictions, r, separator);
            Append(text, "\n");
        }

        var bytes = Utf8.GetByteCount(text.WrittenSpan);
        if (_bytes[s].Length < bytes)
        {
            _bytes[s] = new byte[bytes];
        }

        _byteCounts[s] = Utf8.GetBytes(text.WrittenSpan, _bytes[s]);
    }

    private static void AppendCells(ArrayBufferWriter<char> text, Frame columns, int row, char separator)
    {
        for (var c = 0; c < columns.Columns.Count; c++)
        {
            if (c > 0)
            {
                Append(text, separator);
            }

            switch (columns.Columns[c])
            {
                case NumericColumn n when !double.IsNaN(n.Values[row]):
                    AppendNumber(text, n.Values[row]);
                    break;
                case StringColumn s when s.Values[row] is { } value:
                    Append(text, CsvField.Quote(value, separator));
                    break;
            }
        }
    }

    private static void AppendPrediction(ArrayBufferWriter<char> text, BatchPredictions predictions, int row, char separator)
    {
        Append(text, separator);
        if (predictions.IsUnscored(row))
        {
            // No finite prediction: the prediction and probability cells stay empty (missing), as documented.
            for (var k = predictions.IsRegression ? 0 : predictions.Width; k > 0; k--)
            {
                Append(text, separator);
            }

            return;
        }

        if (predictions.IsRegression)
        {
            AppendNumber(text, predictions.Raw[row]);
            return;
        }

        Append(text, CsvField.Quote(predictions.Classes[predictions.ClassOf(row)], separator));
        for (var k = 0; k < predictions.Width; k++)
        {
            Append(text, separator);
            AppendNumber(text, predictions.Raw[(row * predictions.Width) + k]);
        }
    }

    private static void AppendNumber(ArrayBufferWriter<char> text, double value)
    {
        // "R" round-trips the double exactly, so the file holds the same numbers as the in-process prediction.
        var span = text.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        text.Advance(written);
    }

    private static void Append(ArrayBufferWriter<char> text, char value)
    {
        text.GetSpan(1)[0] = value;
        text.Advance(1);
    }

    private static void Append(ArrayBufferWriter<char> text, ReadOnlySpan<char> value) => text.Write(value);
}
