using System.Buffers;
using Parquet;
using Parquet.Schema;
using Raciflow.Training;
using C = Raciflow.Monitoring.PredictionLog.PredictionLogColumns;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// The file layout of one prediction-log batch (one model version, one day): request id, time (microseconds since
/// the Unix epoch), latency, status, source (api or web-form), prediction value or label, one column per input (double when every logged
/// value was a number, else text) and one per class probability.
/// </summary>
internal static class PredictionLogParquet
{
    private static readonly ParquetOptions WriteOptions = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>
    /// The rows of one file (one model version and day, in time order) as Parquet, in place of what
    /// <paramref name="output"/> held: the writer reuses one buffer for every file, so a busy server does not
    /// allocate (and soon collect) a large array per file.
    /// </summary>
    public static void Encode(PredictionColumns rows, MemoryStream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.SetLength(0);

        // A MemoryStream completes every write synchronously, so this never waits on anything.
        WriteAsync(rows, output, CancellationToken.None).GetAwaiter().GetResult();
    }

    public static async Task WriteAsync(PredictionColumns rows, Stream output, CancellationToken cancellationToken)
    {
        var inputs = rows.Inputs.ToList();
        var probabilities = rows.Probabilities.ToList();
        var fields = new List<Field>
        {
            new DataField<string>(C.RequestId, true),
            new DataField<long>(C.Time),
            new DataField<double>(C.LatencyMs),
            new DataField<string>(C.Status, true),
            new DataField<double?>(C.PredictionValue),
            new DataField<string>(C.PredictionLabel, true),
            new DataField<string>(C.Source, true),
        };
        fields.AddRange(inputs.Select(i => i.Texts is null ? (Field)new DataField<double?>(C.InputPrefix + i.Name) : new DataField<string>(C.InputPrefix + i.Name, true)));
        fields.AddRange(probabilities.Select(p => new DataField<double?>(C.ProbabilityPrefix + p.Label)));
        var schema = new ParquetSchema(fields);
        var data = schema.DataFields;

        await using var writer = await ParquetWriter.CreateAsync(schema, output, WriteOptions, false, cancellationToken);
        using var group = writer.CreateRowGroup();
        await WriteTextAsync(group, data[0], rows.RequestIds, rows.Count, cancellationToken);
        await group.WriteAsync<long>(data[1], rows.Times, null, null, cancellationToken);
        await group.WriteAsync<double>(data[2], rows.Latencies, null, null, cancellationToken);
        await group.WriteAsync(data[3], rows.Statuses, null);
        await group.WriteAsync<double>(data[4], rows.Values, null, null, cancellationToken);
        await WriteTextAsync(group, data[5], rows.Labels, rows.Count, cancellationToken);
        await group.WriteAsync(data[6], rows.Sources, null);
        var next = 7;
        foreach (var (_, numbers, texts) in inputs)
        {
            if (texts is { } text)
            {
                await WriteTextAsync(group, data[next++], text, rows.Count, cancellationToken);
            }
            else
            {
                await group.WriteAsync<double>(data[next++], numbers, null, null, cancellationToken);
            }
        }

        foreach (var (_, values) in probabilities)
        {
            await group.WriteAsync<double>(data[next++], values, null, null, cancellationToken);
        }
    }

    /// <summary>
    /// A text column as slices of its character buffer with definition levels, in pooled arrays: the writer runs
    /// while requests are served, and making a string per value (a request id is unique) gave every collection
    /// during the encoding more to copy while request threads waited.
    /// </summary>
    private static async Task WriteTextAsync(ParquetRowGroupWriter group, DataField field, TextColumn column, int count, CancellationToken cancellationToken)
    {
        var values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(count);
        var levels = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var present = column.CopyParts(values.AsSpan(0, count), levels.AsSpan(0, count));
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, values.AsMemory(0, present), levels.AsMemory(0, count), null, cancellationToken);
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true);
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    public static async Task<List<LoggedPrediction>> ReadAsync(Stream seekable, string model, int version, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken);
        var rows = new List<LoggedPrediction>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var ids = await ReadTextAsync(group, fields[C.RequestId], n, cancellationToken);
            var times = new long[n];
            await group.ReadAsync<long>(fields[C.Time], times.AsMemory(), null, cancellationToken);
            var latencies = new double[n];
            await group.ReadAsync<double>(fields[C.LatencyMs], latencies.AsMemory(), null, cancellationToken);
            var statuses = await ReadTextAsync(group, fields[C.Status], n, cancellationToken);
            var values = await ReadNumbersAsync(group, fields[C.PredictionValue], n, cancellationToken);
            var labels = await ReadTextAsync(group, fields[C.PredictionLabel], n, cancellationToken);
            var sources = fields.TryGetValue(C.Source, out var sourceField) ? await ReadTextAsync(group, sourceField, n, cancellationToken) : new string?[n];
            var inputs = new List<(string Name, object?[] Values)>();
            var probabilities = new List<(string Label, double?[] Values)>();
            foreach (var field in reader.Schema.DataFields)
            {
                if (field.Name.StartsWith(C.InputPrefix, StringComparison.Ordinal))
                {
                    object?[] column = field.ClrType == typeof(double)
                        ? [.. (await ReadNumbersAsync(group, field, n, cancellationToken)).Select(v => (object?)v)]
                        : await ReadTextAsync(group, field, n, cancellationToken);
                    inputs.Add((field.Name[C.InputPrefix.Length..], column));
                }
                else if (field.Name.StartsWith(C.ProbabilityPrefix, StringComparison.Ordinal))
                {
                    probabilities.Add((field.Name[C.ProbabilityPrefix.Length..], await ReadNumbersAsync(group, field, n, cancellationToken)));
                }
            }

            for (var i = 0; i < n; i++)
            {
                var rowInputs = new Dictionary<string, object?>(inputs.Count, StringComparer.Ordinal);
                foreach (var (name, column) in inputs)
                {
                    rowInputs[name] = column[i];
                }

                var status = string.Equals(statuses[i], "error", StringComparison.Ordinal) ? PredictionStatus.Error : PredictionStatus.Ok;
                rows.Add(new LoggedPrediction(ids[i] ?? string.Empty, model, version, LogTime.FromMicroseconds(times[i]), latencies[i], status, rowInputs, Output(values[i], labels[i], probabilities, i))
                {
                    Source = Serving.PredictionSources.Parse(sources[i]),
                });
            }
        }

        return rows;
    }

    private static ModelPrediction? Output(double? value, string? label, List<(string Label, double?[] Values)> probabilities, int row)
    {
        var p = probabilities.Where(c => c.Values[row] is not null).ToDictionary(c => c.Label, c => c.Values[row]!.Value, StringComparer.Ordinal);
        return value is null && label is null && p.Count == 0 ? null : new ModelPrediction(value, label, p.Count == 0 ? null : p);
    }

    private static async Task<string?[]> ReadTextAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        return values;
    }

    private static async Task<double?[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        var values = new double?[n];
        await group.ReadAsync<double>(field, values.AsMemory(), null, cancellationToken);
        return values;
    }
}
