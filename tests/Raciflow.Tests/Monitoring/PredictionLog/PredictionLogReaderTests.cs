using Raciflow.Data;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;
using Raciflow.Training;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>Reading a window of logged predictions, as rows and as a frame for drift analysis.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class PredictionLogReaderTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWindowIncludesItsStartExcludesItsEndAndCanBeLimitedToOneVersion(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(
                logger,
                Regression("h0", Day1, 0),
                Regression("h1", Day1.AddHours(1), 1),
                Regression("h1-v2", Day1.AddHours(1).AddMinutes(30), 1, version: 2),
                Regression("h2", Day1.AddHours(2), 2),
                Regression("other-model", Day1.AddHours(1), 9, model: "other"));
        }

        var reader = new PredictionLogReader(ws.Workspace);
        Assert.Equal(["h1", "h1-v2"], (await reader.ReadAsync("house-prices", null, Day1.AddHours(1), Day1.AddHours(2))).Select(r => r.RequestId));
        Assert.Equal(["h0", "h1"], (await reader.ReadAsync("house-prices", 1, Day1, Day1.AddHours(2))).Select(r => r.RequestId));
        Assert.Equal(["h1-v2"], (await reader.ReadAsync("house-prices", 2, Day1, Day1.AddDays(1))).Select(r => r.RequestId));
        Assert.Empty(await reader.ReadAsync("house-prices", null, Day1.AddDays(1), Day1.AddDays(2)));
        Assert.Single(await reader.FilesAsync("house-prices", 2, Day1, Day1.AddDays(1)));
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<RaciflowException>(() => reader.ReadAsync("house-prices", null, Day1, Day1))).Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheNewestRowsOfAWindowComeFromTheNewestFilesOldestFirst(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            // One file per flush: the newest rows span the last two files.
            for (var file = 0; file < 4; file++)
            {
                await LogAsync(logger, [.. Enumerable.Range(0, 3).Select(i => Regression($"f{file}-{i}", Day1.AddMinutes((file * 10) + i), i) with
                {
                    Status = i == 2 ? PredictionStatus.Error : PredictionStatus.Ok,
                    Output = i == 2 ? null : new ModelPrediction(i, null, null),
                })]);
            }
        }

        var reader = new PredictionLogReader(ws.Workspace);
        Assert.Equal(4, (await reader.FilesAsync("house-prices", null, Day1, Day1.AddDays(1))).Count);
        Assert.Equal(["f2-2", "f3-0", "f3-1", "f3-2"], (await reader.ReadNewestAsync("house-prices", null, Day1, Day1.AddDays(1), 4)).Select(r => r.RequestId));
        Assert.Equal(["f2-1", "f3-0", "f3-1"], (await reader.ReadNewestAsync("house-prices", null, Day1, Day1.AddDays(1), 3, r => r.Status == PredictionStatus.Ok)).Select(r => r.RequestId));
        Assert.Equal(["f0-0", "f0-1"], (await reader.ReadNewestAsync("house-prices", null, Day1, Day1.AddMinutes(5), 10, r => r.Status == PredictionStatus.Ok)).Select(r => r.RequestId));
        Assert.Equal(["f3-1"], (await reader.ReadFrameAsync("house-prices", null, Day1, Day1.AddDays(1), maxRows: 1))[PredictionLogColumns.RequestId] is StringColumn ids ? [ids.Format(0)!] : []);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheFrameHoldsTypedInputsThePredictionTheRequestIdAndTheTimeOfSuccessfulRequests(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        PredictionRecord Row(string id, int minute, object? zone, double prediction) => Regression(id, Day1.AddMinutes(minute), prediction, area: 10 * minute) with
        {
            Inputs = new Dictionary<string, object?> { ["area"] = 10.0 * minute, ["zone"] = zone, ["prediction"] = minute, ["vip"] = minute % 2 == 0 },
        };

        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(
                logger,
                Row("a", 1, 3, 100),
                Row("b", 2, "north", 200) with { Output = null, Status = PredictionStatus.Error },
                Row("c", 3, "south", 300),
                Row("d", 4, null, 400));
        }

        var frame = await new PredictionLogReader(ws.Workspace).ReadFrameAsync("house-prices", 1, Day1, Day1.AddDays(1));

        Assert.Equal(["area", "input:prediction", "vip", "zone", "prediction", "request_id", "time"], frame.Columns.Select(c => c.Name));
        Assert.Equal([10.0, 30, 40], ((NumericColumn)frame["area"]).Values);
        Assert.Equal([0.0, 0, 1], ((NumericColumn)frame["vip"]).Values);
        Assert.Equal(ColumnType.Categorical, frame["zone"].Type);
        Assert.Equal(new string?[] { "3", "south", null }, ((StringColumn)frame["zone"]).Values.AsEnumerable());
        Assert.Equal([100.0, 300, 400], ((NumericColumn)frame["prediction"]).Values);
        Assert.Equal(new string?[] { "a", "c", "d" }, ((StringColumn)frame["request_id"]).Values.AsEnumerable());
        Assert.Equal(Day1.AddMinutes(3).UtcDateTime, ((DateTimeColumn)frame["time"]).Values[1]);
    }

    [Fact]
    public async Task AClassifierFramesItsPredictedLabels()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(logger, Binary("x", Day1, 0.9), Binary("y", Day1.AddSeconds(1), 0.2));
        }

        var frame = await new PredictionLogReader(ws.Workspace).ReadFrameAsync("churn", null, Day1, Day1.AddDays(1));

        Assert.Equal(new string?[] { "yes", "no" }, ((StringColumn)frame["prediction"]).Values.AsEnumerable());
        Assert.Equal(new string?[] { "c-x", "c-y" }, ((StringColumn)frame["customer"]).Values.AsEnumerable());
        Assert.Equal([12.0, 12], ((NumericColumn)frame["tenure"]).Values);
    }

    [Fact]
    public async Task AJsonRequestBodyIsLoggedWithTheSameTypesAsClrValues()
    {
        using var ws = await TestWorkspace.CreateAsync();
        using var body = System.Text.Json.JsonDocument.Parse("""{"area": 42.5, "city": "bergen", "garden": true, "floor": null}""");
        var inputs = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(logger, new PredictionRecord { RequestId = "j", Model = "house-prices", Version = 1, Time = Day1, Inputs = inputs, Output = new ModelPrediction(7, null, null) });
        }

        var row = Assert.Single(await new PredictionLogReader(ws.Workspace).ReadAsync("house-prices", null, Day1, Day1.AddDays(1)));
        Assert.Equal(42.5, row.Inputs["area"]);
        Assert.Equal("bergen", row.Inputs["city"]);
        Assert.Equal(1.0, row.Inputs["garden"]);
        Assert.Null(row.Inputs["floor"]);
    }
}
