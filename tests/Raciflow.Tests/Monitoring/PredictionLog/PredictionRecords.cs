using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>Small builders of served predictions for the prediction-log tests.</summary>
internal static class PredictionRecords
{
    public static readonly DateTimeOffset Day1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Options that write at once on flush and retry quickly, so tests stay short.</summary>
    public static PredictionLogOptions Fast(int queue = 10_000, int batch = 1_000) => new()
    {
        QueueCapacity = queue,
        BatchSize = batch,
        FlushInterval = TimeSpan.FromMinutes(10),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    public static PredictionRecord Regression(string id, DateTimeOffset time, double prediction, int version = 1, string model = "house-prices", double area = 100, string? city = "oslo") => new()
    {
        RequestId = id,
        Model = model,
        Version = version,
        Time = time,
        LatencyMs = 1.5,
        Inputs = new Dictionary<string, object?> { ["area"] = area, ["city"] = city },
        Output = new ModelPrediction(prediction, null, null),
    };

    public static PredictionRecord Binary(string id, DateTimeOffset time, double yes, int version = 1, string model = "churn", string? customer = null) => new()
    {
        RequestId = id,
        Model = model,
        Version = version,
        Time = time,
        LatencyMs = 2,
        Inputs = new Dictionary<string, object?> { ["customer"] = customer ?? "c-" + id, ["tenure"] = 12 },
        Output = new ModelPrediction(null, yes > 0.5 ? "yes" : "no", new Dictionary<string, double> { ["yes"] = yes, ["no"] = 1 - yes }),
    };

    /// <summary>Logs the records and waits until they are written; fails the test when any was not.</summary>
    public static async Task LogAsync(PredictionLogger logger, params PredictionRecord[] records)
    {
        var failedBefore = logger.Counters.Failed;
        foreach (var record in records)
        {
            Assert.True(logger.TryLog(record), $"record {record.RequestId} was not accepted");
        }

        var counters = await logger.FlushAsync();
        Assert.Equal(failedBefore, counters.Failed);
        Assert.Equal(0, counters.Pending);
    }

    /// <summary>Waits for background work to reach a state; fails after a generous limit instead of hanging.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"timed out waiting until {what}");
    }
}
