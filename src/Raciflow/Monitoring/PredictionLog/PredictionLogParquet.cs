using Parquet;
using Parquet.Schema;
using Raciflow.Training;
using C = Raciflow.Monitoring.PredictionLog.PredictionLogColumns;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// The file layout of one prediction-log batch (one model version, one day): request id, time (microseconds since
/// the Unix epoch), latency, status, prediction value or label, one column per input (double when every logged
/// value was a number, else text) and one per class probability.
/// </summary>
internal static class PredictionLogParquet
{
    private static readonly ParquetOptions WriteOptions = new()
    {
        CompressionMethod = CompressionMethod.Snappy,

        // Request ids are all distinct: a sample shows it, instead of hashing every id before giving up on a dictionary.
        DictionaryEncodingSampleSize = 1_000,
    };

    /// <summary>The records (one model version and day) as one Parquet file, built column by column in one pass.</summary>
    public static byte[] Encode(IReadOnlyList<PredictionRecord> records)
    {
        using var output = new MemoryStream();

        // A MemoryStream completes every write synchronously, so this never waits on anything.
        WriteAsync(records, output, CancellationToken.None).GetAwaiter().GetResult();
        return output.ToArray();
    }

    public static async Task WriteAsync(IReadOnlyList<PredictionRecord> records, Stream output, CancellationToken cancellationToken)
    {
        var n = records.Count;
        var ids = new string?[n];
        var times = new long[n];
        var latencies = new double[n];
        var statuses = new string?[n];
        var values = new double?[n];
        var labels = new string?[n];
        var inputs = new Dictionary<string, InputColumn>(StringComparer.Ordinal);
        var probabilities = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        for (var row = 0; row < n; row++)
        {
            var record = records[row];
            ids[row] = record.RequestId;
            times[row] = LogTime.ToMicroseconds(record.Time);
            latencies[row] = record.LatencyMs;
            statuses[row] = record.Status == PredictionStatus.Error ? "error" : "ok";
            values[row] = record.Output?.Value is { } v && !double.IsNaN(v) ? v : null;
            labels[row] = record.Output?.Label;
            foreach (var (name, value) in record.Inputs)
            {
                if (!inputs.TryGetValue(name, out var column))
                {
                    inputs.Add(name, column = new InputColumn(n));
                }

                column.Set(row, value);
            }

            if (record.Output?.Probabilities is { } classes)
            {
                foreach (var (label, p) in classes)
                {
                    if (!probabilities.TryGetValue(label, out var column))
                    {
                        probabilities.Add(label, column = new double?[n]);
                    }

                    column[row] = p;
                }
            }
        }

        var inputNames = inputs.Keys.Order(StringComparer.Ordinal).ToList();
        var classNames = probabilities.Keys.Order(StringComparer.Ordinal).ToList();
        var fields = new List<Field>
        {
            new DataField<string>(C.RequestId, true),
            new DataField<long>(C.Time),
            new DataField<double>(C.LatencyMs),
            new DataField<string>(C.Status, true),
            new DataField<double?>(C.PredictionValue),
            new DataField<string>(C.PredictionLabel, true),
        };
        fields.AddRange(inputNames.Select(name => inputs[name].Texts is null ? (Field)new DataField<double?>(C.InputPrefix + name) : new DataField<string>(C.InputPrefix + name, true)));
        fields.AddRange(classNames.Select(c => new DataField<double?>(C.ProbabilityPrefix + c)));
        var schema = new ParquetSchema(fields);
        var data = schema.DataFields;

        await using var writer = await ParquetWriter.CreateAsync(schema, output, WriteOptions, false, cancellationToken);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(data[0], ids, null);
        await group.WriteAsync<long>(data[1], times, null, null, cancellationToken);
        await group.WriteAsync<double>(data[2], latencies, null, null, cancellationToken);
        await group.WriteAsync(data[3], statuses, null);
        await group.WriteAsync<double>(data[4], values, null, null, cancellationToken);
        await group.WriteAsync(data[5], labels, null);
        var next = 6;
        foreach (var name in inputNames)
        {
            var column = inputs[name];
            if (column.Texts is { } texts)
            {
                await group.WriteAsync(data[next++], texts, null);
            }
            else
            {
                await group.WriteAsync<double>(data[next++], column.Numbers, null, null, cancellationToken);
            }
        }

        foreach (var label in classNames)
        {
            await group.WriteAsync<double>(data[next++], probabilities[label], null, null, cancellationToken);
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
                rows.Add(new LoggedPrediction(ids[i] ?? string.Empty, model, version, LogTime.FromMicroseconds(times[i]), latencies[i], status, rowInputs, Output(values[i], labels[i], probabilities, i)));
            }
        }

        return rows;
    }

    private static ModelPrediction? Output(double? value, string? label, List<(string Label, double?[] Values)> probabilities, int row)
    {
        var p = probabilities.Where(c => c.Values[row] is not null).ToDictionary(c => c.Label, c => c.Values[row]!.Value, StringComparer.Ordinal);
        return value is null && label is null && p.Count == 0 ? null : new ModelPrediction(value, label, p.Count == 0 ? null : p);
    }

    /// <summary>One input's values: numbers while every logged value is one, text from the first that is not.</summary>
    private sealed class InputColumn(int rows)
    {
        public double?[] Numbers { get; } = new double?[rows];

        public string?[]? Texts { get; private set; }

        public void Set(int row, object? value)
        {
            var isNumber = LoggedValue.TryNumber(value, out var number, out var text);
            if (Texts is null)
            {
                if (isNumber || text is null)
                {
                    Numbers[row] = isNumber ? number : null;
                    return;
                }

                Texts = [.. Numbers.Select(n => n is { } d ? LoggedValue.ToText(d) : null)];
            }

            Texts[row] = isNumber ? LoggedValue.ToText(number) : text;
        }
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
