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
    public static async Task WriteAsync(IReadOnlyList<PredictionRecord> records, Stream output, CancellationToken cancellationToken)
    {
        var inputs = InputColumns(records);
        var classes = records.SelectMany(r => r.Output?.Probabilities?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var fields = new List<Field>
        {
            new DataField<string>(C.RequestId, true),
            new DataField<long>(C.Time),
            new DataField<double>(C.LatencyMs),
            new DataField<string>(C.Status, true),
            new DataField<double?>(C.PredictionValue),
            new DataField<string>(C.PredictionLabel, true),
        };
        fields.AddRange(inputs.Select(i => i.Numeric ? (Field)new DataField<double?>(C.InputPrefix + i.Name) : new DataField<string>(C.InputPrefix + i.Name, true)));
        fields.AddRange(classes.Select(c => new DataField<double?>(C.ProbabilityPrefix + c)));
        var schema = new ParquetSchema(fields);
        var data = schema.DataFields;

        await using var writer = await ParquetWriter.CreateAsync(schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, false, cancellationToken);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(data[0], records.Select(r => (string?)r.RequestId).ToArray(), null);
        await group.WriteAsync<long>(data[1], records.Select(r => LogTime.ToMicroseconds(r.Time)).ToArray(), null, null, cancellationToken);
        await group.WriteAsync<double>(data[2], records.Select(r => r.LatencyMs).ToArray(), null, null, cancellationToken);
        await group.WriteAsync(data[3], records.Select(r => (string?)r.Status.ToString().ToLowerInvariant()).ToArray(), null);
        await group.WriteAsync<double>(data[4], records.Select(r => r.Output?.Value is { } v && !double.IsNaN(v) ? v : (double?)null).ToArray(), null, null, cancellationToken);
        await group.WriteAsync(data[5], records.Select(r => r.Output?.Label).ToArray(), null);
        var next = 6;
        foreach (var input in inputs)
        {
            var field = data[next++];
            var values = records.Select(r => r.Inputs.TryGetValue(input.Name, out var v) ? LoggedValue.Normalize(v) : null).ToArray();
            if (input.Numeric)
            {
                await group.WriteAsync<double>(field, values.Select(v => (double?)v).ToArray(), null, null, cancellationToken);
            }
            else
            {
                await group.WriteAsync(field, values.Select(LoggedValue.ToText).ToArray(), null);
            }
        }

        foreach (var label in classes)
        {
            await group.WriteAsync<double>(data[next++], records.Select(r => r.Output?.Probabilities is { } p && p.TryGetValue(label, out var v) ? v : (double?)null).ToArray(), null, null, cancellationToken);
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

    /// <summary>Every input name in the batch, numeric when every non-missing value is a number.</summary>
    private static List<(string Name, bool Numeric)> InputColumns(IReadOnlyList<PredictionRecord> records)
    {
        var numeric = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var (name, value) in record.Inputs)
            {
                var normalized = LoggedValue.Normalize(value);
                var isNumber = normalized is null or double;
                numeric[name] = numeric.TryGetValue(name, out var sofar) ? sofar && isNumber : isNumber;
            }
        }

        return [.. numeric.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
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
