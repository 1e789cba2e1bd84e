using Microsoft.Extensions.DependencyInjection;
using Raciflow.Data;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Tests.Serving;

namespace Raciflow.Tests.Monitoring.ModelDrift;

/// <summary>
/// Real traffic for the served "students" model: its own training rows posted to the predict endpoint, as they
/// are (normal) or with some columns changed (shifted), then the prediction logger flushed so the log holds them.
/// </summary>
public static class StudentTraffic
{
    public const int BatchRows = 100;

    public static async Task<IReadOnlyList<Dictionary<string, object?>>> TrainingRowsAsync(ServingServer server)
    {
        var registry = new ModelRegistry(server.Workspace.Workspace);
        var version = await registry.GetServedAsync(ModelRef.Parse(ServingServer.Model));
        var frame = await registry.LoadTrainingRowsAsync(version);
        var inputs = version.Signature.Inputs.Select(i => i.Name).ToList();
        return Enumerable.Range(0, frame.RowCount).Select(r => inputs.ToDictionary(c => c, c => Value(frame[c], r))).ToList();
    }

    /// <summary>Posts every row (after <paramref name="shift"/>) in batches and waits until all are logged.</summary>
    public static async Task SendAsync(ServingServer server, IReadOnlyList<Dictionary<string, object?>> rows, Action<Dictionary<string, object?>>? shift = null)
    {
        foreach (var batch in rows.Select(r => new Dictionary<string, object?>(r)).Chunk(BatchRows))
        {
            foreach (var row in batch)
            {
                shift?.Invoke(row);
            }

            await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", batch);
        }

        var counters = await server.App.Services.GetRequiredService<PredictionLogger>().FlushAsync();
        Assert.Equal(0L, counters.Dropped);
    }

    /// <summary>Reading scores up by 25 points: a shift of one numeric feature only.</summary>
    public static void HigherReadingScore(Dictionary<string, object?> row) => row["reading_score"] = (double)row["reading_score"]! + 25;

    /// <summary>
    /// Five of the seven inputs changed (a category may already be common, so its share moves less): well over the
    /// default half, so the dataset as a whole drifts.
    /// </summary>
    public static void ShiftedPopulation(Dictionary<string, object?> row)
    {
        row["gender"] = "male";
        row["reading_score"] = (double)row["reading_score"]! + 25;
        row["writing_score"] = (double)row["writing_score"]! + 25;
        row["lunch"] = "free/reduced";
        row["test_preparation_course"] = "completed";
    }

    private static object? Value(FrameColumn column, int row) => column switch
    {
        NumericColumn n => double.IsNaN(n.Values[row]) ? null : n.Values[row],
        _ => column.Format(row),
    };
}
