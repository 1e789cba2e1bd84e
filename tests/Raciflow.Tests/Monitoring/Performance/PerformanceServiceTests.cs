using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;
using Raciflow.Training;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.Performance;

/// <summary>Performance windows over the stores: logged predictions joined with feedback, per version per window.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class PerformanceServiceTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task EachVersionGetsAPointPerWindowWithTheMetricsOfItsLabelledPredictions(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(
                logger,
                Regression("a1", Day1.AddMinutes(5), 1),
                Regression("a2", Day1.AddMinutes(10), 2),
                Regression("a3", Day1.AddMinutes(50), 3),
                Regression("a4", Day1.AddMinutes(59), 100),
                Regression("b1", Day1.AddMinutes(70), 10),
                Regression("b2", Day1.AddMinutes(80), 20),
                Regression("v2", Day1.AddMinutes(20), 7, version: 2),
                Regression("late", Day1.AddHours(3), 1));
        }

        await new FeedbackService(ws.Workspace).RecordAsync("house-prices", [new("a1", "1"), new("a2", "2"), new("a3", "5"), new("b1", "12"), new("b2", "18"), new("v2", "8")]);

        var series = await new PerformanceService(ws.Workspace).ComputeAsync("house-prices", TimeSpan.FromHours(1), Day1, Day1.AddHours(2));

        Assert.Equal(TaskKind.Regression, series.Task);
        Assert.Equal(["r2", "mae", "rmse"], series.MetricNames);
        Assert.Equal(
            [(1, Day1, 4, 3), (1, Day1.AddHours(1), 2, 2), (2, Day1, 1, 1)],
            series.Points.Select(p => (p.Version, p.Start, p.Predictions, p.Labelled)));
        var first = series.Points[0].Metrics;
        Assert.Equal(1 - (36.0 / 78), first["r2"]!.Value, 12);
        Assert.Equal(2.0 / 3, first["mae"]!.Value, 12);
        Assert.Equal(Math.Sqrt(4.0 / 3), first["rmse"]!.Value, 12);
        Assert.Equal(2.0, series.Points[1].Metrics["mae"]!.Value, 12);
        Assert.Equal(1 - (8.0 / 18), series.Points[1].Metrics["r2"]!.Value, 12);
        Assert.Equal(1.0, series.Points[2].Metrics["mae"]!.Value, 12);
        Assert.Null(series.Points[2].Metrics["r2"]);
        Assert.Equal(Day1.AddHours(2), series.Points[1].End);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ABinaryModelJoinedByAKeyColumnIsScoredWithAccuracyF1AndAuc(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(
                logger,
                Binary("x1", Day1.AddMinutes(1), 0.9, customer: "anna"),
                Binary("x2", Day1.AddMinutes(2), 0.8, customer: "bo"),
                Binary("x3", Day1.AddMinutes(3), 0.7, customer: "carl"),
                Binary("x4", Day1.AddMinutes(4), 0.1, customer: "dora"),
                Binary("x5", Day1.AddMinutes(5), 0.6, customer: "eve"));
        }

        await new FeedbackService(ws.Workspace).RecordAsync("churn", [new("anna", "yes"), new("bo", "no"), new("carl", "yes"), new("dora", "no")], keyColumn: "customer");

        var series = await new PerformanceService(ws.Workspace).ComputeAsync("churn", TimeSpan.FromDays(1), Day1, Day1.AddDays(1));

        Assert.Equal(TaskKind.Binary, series.Task);
        var point = Assert.Single(series.Points);
        Assert.Equal((5, 4), (point.Predictions, point.Labelled));
        Assert.Equal(0.75, point.Metrics["accuracy"]!.Value, 12);
        Assert.Equal((0.8 + (2.0 / 3)) / 2, point.Metrics["f1_macro"]!.Value, 12);
        Assert.Equal(0.75, point.Metrics["roc_auc"]!.Value, 12);
    }

    [Fact]
    public async Task NothingLoggedGivesAnEmptySeriesAndBadWindowsAreRejected()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var service = new PerformanceService(ws.Workspace);

        var empty = await service.ComputeAsync("house-prices", TimeSpan.FromHours(1), Day1, Day1.AddDays(1));

        Assert.Null(empty.Task);
        Assert.Empty(empty.Points);
        await Assert.ThrowsAsync<RaciflowException>(() => service.ComputeAsync("house-prices", TimeSpan.Zero, Day1, Day1.AddDays(1)));
        await Assert.ThrowsAsync<RaciflowException>(() => service.ComputeAsync("house-prices", TimeSpan.FromSeconds(1), Day1, Day1.AddDays(1)));
    }
}
