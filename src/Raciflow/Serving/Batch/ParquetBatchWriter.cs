using Parquet;
using Parquet.Schema;
using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Writes Parquet (Parquet.Net), one row group per chunk: model number inputs as nullable doubles, every other
/// input column as text, then <c>prediction</c> (double, or the class as text) and the probabilities (double).
/// </summary>
internal sealed class ParquetBatchWriter : IBatchWriter
{
    private readonly Stream _stream;
    private readonly IReadOnlyList<string> _predictionColumns;
    private ParquetWriter? _writer;
    private DataField[] _fields = [];
    private double?[] _nullable = [];

    public ParquetBatchWriter(Stream stream, IReadOnlyList<string> predictionColumns)
    {
        _stream = stream;
        _predictionColumns = predictionColumns;
    }

    public async ValueTask WriteAsync(BatchChunk chunk, BatchPredictions predictions, CancellationToken cancellationToken)
    {
        var inputs = chunk.Columns.Columns;
        if (_writer is null)
        {
            var fields = inputs.Select(c => c is NumericColumn ? (DataField)new DataField<double?>(c.Name) : new DataField<string>(c.Name)).ToList();
            fields.Add(predictions.IsRegression ? new DataField<double?>(_predictionColumns[0]) : new DataField<string>(_predictionColumns[0]));
            fields.AddRange(_predictionColumns.Skip(1).Select(n => new DataField<double?>(n)));
            _fields = [.. fields];
            _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, cancellationToken: cancellationToken);
        }

        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < inputs.Count; c++)
        {
            switch (inputs[c])
            {
                case NumericColumn n:
                    await WriteNumbersAsync(group, _fields[c], ToNullable(n.Values, chunk.Rows, missingIsNaN: true), cancellationToken);
                    break;
                case StringColumn s:
                    await group.WriteAsync(_fields[c], new ArraySegment<string>(s.Values!, 0, s.Values.Length), null);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected column type {inputs[c].GetType().Name}.");
            }
        }

        var rows = predictions.Rows;
        var width = predictions.Width;
        var next = inputs.Count;
        if (predictions.IsRegression)
        {
            await WriteNumbersAsync(group, _fields[next++], ToNullable(predictions.Raw, rows, missingIsNaN: false, predictions), cancellationToken);
        }
        else
        {
            var labels = Enumerable.Range(0, rows).Select(r => predictions.IsUnscored(r) ? null : predictions.Classes[predictions.ClassOf(r)]).ToArray();
            await group.WriteAsync(_fields[next++], new ArraySegment<string>(labels!), null);
        }

        for (var k = 0; k < (predictions.IsRegression ? 0 : width); k++)
        {
            var probabilities = NullableBuffer(rows);
            for (var r = 0; r < rows; r++)
            {
                probabilities[r] = predictions.IsUnscored(r) ? null : predictions.Raw[(r * width) + k];
            }

            await WriteNumbersAsync(group, _fields[next++], probabilities.AsMemory(0, rows), cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        await _stream.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static Task WriteNumbersAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<double?> values, CancellationToken cancellationToken) =>
        group.WriteAsync<double>(field, values, null, null, cancellationToken);

    /// <summary>
    /// The first <paramref name="rows"/> values as nullable doubles (NaN as null for an input column, where NaN means
    /// missing), in a buffer reused column after column (each is written before the next is filled).
    /// </summary>
    private ReadOnlyMemory<double?> ToNullable(double[] values, int rows, bool missingIsNaN, BatchPredictions? unscoredOf = null)
    {
        var buffer = NullableBuffer(rows);
        for (var r = 0; r < rows; r++)
        {
            var v = values[r];
            buffer[r] = (missingIsNaN && double.IsNaN(v)) || (unscoredOf is not null && unscoredOf.IsUnscored(r)) ? null : v;
        }

        return buffer.AsMemory(0, rows);
    }

    private double?[] NullableBuffer(int rows) => _nullable.Length >= rows ? _nullable : _nullable = new double?[rows];
}
