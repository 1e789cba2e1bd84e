using Raciflow.Data;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Monitoring.Alerts;

/// <summary>
/// Served-prediction records for the students model made from its own training rows, as they were or shifted
/// (higher scores, one gender, one lunch, everyone prepared), so drift is known in advance.
/// </summary>
internal static class StudentTraffic
{
    public static async Task<IReadOnlyList<Dictionary<string, object?>>> InputsAsync(Workspace workspace, ModelVersionDetails version, bool shifted)
    {
        var rows = await new ModelRegistry(workspace).LoadTrainingRowsAsync(version);
        var inputs = version.Signature.Inputs.Select(f => f.Name).Where(rows.Contains).ToList();
        var result = new List<Dictionary<string, object?>>();
        for (var r = 0; r < rows.RowCount; r++)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in inputs)
            {
                row[name] = rows[name] switch
                {
                    NumericColumn n => n.Values[r] + (shifted ? 35 : 0),
                    var c => c.Format(r),
                };
            }

            if (shifted)
            {
                row["gender"] = "male";
                row["lunch"] = "free/reduced";
                row["test_preparation_course"] = "completed";
            }

            result.Add(row);
        }

        return result;
    }

    /// <summary>One record per input row, <paramref name="spacing"/> apart from <paramref name="start"/>.</summary>
    public static List<PredictionRecord> Records(ModelVersionDetails version, IReadOnlyList<Dictionary<string, object?>> inputs, DateTimeOffset start, TimeSpan spacing, Func<int, double>? latency = null, Func<int, bool>? fails = null) =>
        inputs.Select((row, i) =>
        {
            var failed = fails?.Invoke(i) ?? false;
            return new PredictionRecord
            {
                RequestId = $"{version.Model}-{start.ToUnixTimeSeconds()}-{i}",
                Model = version.Model,
                Version = version.Version,
                Time = start + (spacing * i),
                LatencyMs = latency?.Invoke(i) ?? 2,
                Inputs = row,
                Output = failed ? null : new ModelPrediction(60 + (i % 7), null, null),
                Status = failed ? PredictionStatus.Error : PredictionStatus.Ok,
            };
        }).ToList();
}
