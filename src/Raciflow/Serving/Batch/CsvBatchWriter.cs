using System.Globalization;
using System.Text;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Writes CSV: a CSV input's rows are copied through as read (same separator), other inputs' cells formatted
/// invariantly; then the prediction cells. Fields holding the separator, quotes or line breaks are quoted.
/// </summary>
internal sealed class CsvBatchWriter(Stream stream, IReadOnlyList<string> inputColumns, IReadOnlyList<string> predictionColumns) : IBatchWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 1 << 20);
    private readonly char[] _number = new char[32];
    private bool _headerWritten;

    public ValueTask WriteAsync(BatchChunk chunk, BatchPredictions predictions, CancellationToken cancellationToken)
    {
        var separator = chunk.Separator;
        if (!_headerWritten)
        {
            _writer.Write(string.Join(separator, inputColumns.Concat(predictionColumns).Select(n => Quote(n, separator))));
            _writer.Write('\n');
            _headerWritten = true;
        }

        for (var r = 0; r < chunk.Rows; r++)
        {
            if (chunk.RawText is { } raw)
            {
                _writer.Write(raw, chunk.RawStarts![r], chunk.RawStarts[r + 1] - chunk.RawStarts[r]);
            }
            else
            {
                WriteCells(chunk.Columns, r, separator);
            }

            WritePrediction(predictions, r, separator);
            _writer.Write('\n');
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private void WriteCells(Frame columns, int row, char separator)
    {
        for (var c = 0; c < columns.Columns.Count; c++)
        {
            if (c > 0)
            {
                _writer.Write(separator);
            }

            switch (columns.Columns[c])
            {
                case NumericColumn n when !double.IsNaN(n.Values[row]):
                    WriteNumber(n.Values[row]);
                    break;
                case StringColumn s when s.Values[row] is { } text:
                    _writer.Write(Quote(text, separator));
                    break;
            }
        }
    }

    private void WritePrediction(BatchPredictions predictions, int row, char separator)
    {
        _writer.Write(separator);
        if (predictions.IsRegression)
        {
            WriteNumber(predictions.Raw[row]);
            return;
        }

        _writer.Write(Quote(predictions.Classes[predictions.ClassOf(row)], separator));
        for (var k = 0; k < predictions.Width; k++)
        {
            _writer.Write(separator);
            WriteNumber(predictions.Raw[(row * predictions.Width) + k]);
        }
    }

    private void WriteNumber(double value)
    {
        // "R" round-trips the double exactly, so the file holds the same numbers as the in-process prediction.
        value.TryFormat(_number, out var written, "R", CultureInfo.InvariantCulture);
        _writer.Write(_number, 0, written);
    }

    private static string Quote(string text, char separator) =>
        text.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
