using Raciflow.Monitoring.PredictionLog;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.PredictionLog;

public sealed class PredictionColumnsTests
{
    [Fact]
    public void AddingRecordsToColumnsResetForTheNextBatchAllocatesNothing()
    {
        // What TryLog does on a request thread: once the file's buffers exist, a record leaves no garbage and
        // keeps nothing of its own alive.
        var records = Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? Regression($"r{i}", Day1.AddSeconds(i), i, city: i % 4 == 0 ? "oslo" : null) : Binary($"b{i}", Day1.AddSeconds(i), 0.7, model: "house-prices")).ToArray();
        using var columns = new PredictionColumns("house-prices", 1, DateOnly.FromDateTime(Day1.UtcDateTime));
        foreach (var record in records)
        {
            columns.Add(record);
        }

        columns.Reset();
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var record in records)
        {
            columns.Add(record);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(records.Length, columns.Count);
    }

    [Fact]
    public void AfterAResetOnlyTheInputsAndClassesOfTheNewRowsAreWrittenAndTextTurnsBackToNumbers()
    {
        using var columns = new PredictionColumns("house-prices", 1, DateOnly.FromDateTime(Day1.UtcDateTime));
        columns.Add(Regression("r1", Day1, 1, city: "oslo") with { Inputs = new Dictionary<string, object?> { ["area"] = "big", ["rooms"] = 3 } });
        columns.Add(Binary("b1", Day1, 0.9, model: "house-prices"));
        columns.Reset();
        columns.Add(Regression("r2", Day1, 2) with { Inputs = new Dictionary<string, object?> { ["area"] = 70.0 } });

        var inputs = columns.Inputs.ToList();
        Assert.Equal(["area"], inputs.Select(i => i.Name));
        Assert.Null(inputs[0].Texts);
        Assert.Equal([70.0], inputs[0].Numbers.ToArray().Select(v => v!.Value));
        Assert.Empty(columns.Probabilities);
        Assert.Equal(["r2"], columns.RequestIds.ToStrings(columns.Count).AsEnumerable());
    }
}
