using Raciflow.Monitoring.Alerts;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Projects;
using Raciflow.Training;

namespace Raciflow.Tests.Monitoring.Alerts;

/// <summary>Known answers for each alert condition, computed by hand.</summary>
public sealed class AlertConditionsTests
{
    private static readonly DateTime Time = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static LoggedPrediction Request(double latencyMs, PredictionStatus status = PredictionStatus.Ok) =>
        new(Guid.NewGuid().ToString("N"), "m", 1, Time, latencyMs, status, new Dictionary<string, object?>(), status == PredictionStatus.Ok ? new ModelPrediction(1, null, null) : null);

    [Fact]
    public void P99LatencyIsTheNearestRankAndAlertsOnlyAboveTheThreshold()
    {
        // Latencies 1..100 ms: the 99th percentile by nearest rank is the 99th smallest, 99 ms.
        var traffic = Enumerable.Range(1, 100).Reverse().Select(i => Request(i)).ToList();

        var above = AlertConditions.Latency(traffic, 98.5);

        Assert.NotNull(above);
        Assert.Equal((AlertRules.Latency, 99.0, 98.5), (above.Rule, above.Value!.Value, above.Threshold!.Value));
        Assert.Null(AlertConditions.Latency(traffic, 99));
        Assert.Null(AlertConditions.Latency([], 0));
        Assert.Equal(7, AlertConditions.P99([3, 7, 5]));
    }

    [Fact]
    public void ErrorRateIsFailedRequestsOverAllRequests()
    {
        var traffic = Enumerable.Range(0, 17).Select(_ => Request(1)).Concat(Enumerable.Range(0, 3).Select(_ => Request(1, PredictionStatus.Error))).ToList();

        var finding = AlertConditions.ErrorRate(traffic, 0.1);

        Assert.NotNull(finding);
        Assert.Equal(0.15, finding.Value!.Value, 12);
        Assert.Contains("3 of 20 requests failed", finding.Message, StringComparison.Ordinal);
        Assert.Null(AlertConditions.ErrorRate(traffic, 0.15));
    }

    [Fact]
    public void NoTrafficFiresOnlyWhenNothingWasServed()
    {
        Assert.Equal(AlertRules.NoTraffic, AlertConditions.NoTraffic(0, TimeSpan.FromMinutes(30), "30m")!.Rule);
        Assert.Null(AlertConditions.NoTraffic(1, TimeSpan.FromMinutes(30), "30m"));
    }

    [Fact]
    public void PerformanceAlertsWhenAMeasuredMetricMissesAKpiWithEnoughLabels()
    {
        var kpis = new List<KpiConfig> { new() { Metric = "r2", Min = 0.8 }, new() { Metric = "mae", Max = 5 }, new() { Metric = "log_loss", Max = 1 } };
        var point = new PerformancePoint(2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), 40, 30, new Dictionary<string, double?> { ["r2"] = 0.5, ["mae"] = 4, ["rmse"] = 6 });

        var finding = AlertConditions.Performance(point, kpis, minLabelled: 30);

        Assert.NotNull(finding);
        Assert.Equal((2, 0.5, 0.8), (finding.Version, finding.Value!.Value, finding.Threshold!.Value));
        Assert.StartsWith("r2 = 0.5 misses r2 ≥ 0.8", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mae", finding.Message, StringComparison.Ordinal);
        Assert.Null(AlertConditions.Performance(point, kpis, minLabelled: 31));
        Assert.Null(AlertConditions.Performance(point with { Metrics = new Dictionary<string, double?> { ["r2"] = 0.9, ["mae"] = 4 } }, kpis, 1));
    }

    [Fact]
    public void DurationsReadAsPeopleWriteThem()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), DurationText.Parse("30m", "f"));
        Assert.Equal(TimeSpan.FromHours(1.5), DurationText.Parse("1.5h", "f"));
        Assert.Equal(TimeSpan.FromDays(7), DurationText.Parse("7d", "f"));
        var bad = Assert.Throws<RaciflowException>(() => DurationText.Parse("soon", "monitoring.alerts.window"));
        Assert.Contains("monitoring.alerts.window", bad.Message, StringComparison.Ordinal);
    }
}
