using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;

namespace Raciflow.Tests.Monitoring.Performance;

/// <summary>Known answers for the feedback join and the window metrics, on rows small enough to check by hand.</summary>
public sealed class WindowMetricsTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheJoinMatchesByRequestIdFirstThenByKeyColumnAndLeavesUnlabelledRowsOut()
    {
        var predictions = new[]
        {
            Logged("r1", value: 1, customer: "anna"),
            Logged("r2", value: 2, customer: "bo"),
            Logged("r3", value: 3, customer: "carl"),
            Logged("r4", value: 4, customer: "anna"),
        };
        PredictionFeedback[] feedback = [Feedback("request_id", "r1", "10"), Feedback("customer", "anna", "40"), Feedback("customer", "bo", "20"), Feedback("request_id", "zz", "99")];

        var joined = FeedbackJoin.Join(predictions, feedback);

        Assert.Equal([("r1", "10"), ("r2", "20"), ("r4", "40")], joined.Select(j => (j.Prediction.RequestId, j.Actual)));
    }

    [Fact]
    public void RegressionMetricsMatchHandComputedValues()
    {
        // Errors 0, 0, -2: MAE 2/3, RMSE √(4/3); actual mean 8/3, SS_tot 78/9, SS_res 4, R² = 1 − 36/78.
        var rows = new[] { (1.0, "1"), (2.0, "2"), (3.0, "5") }.Select(p => new LabelledPrediction(Logged("x", value: p.Item1), p.Item2)).ToList();

        var metrics = WindowMetrics.Compute(TaskKind.Regression, rows, []);

        Assert.Equal(["r2", "mae", "rmse"], metrics.Keys);
        Assert.Equal(1 - (36.0 / 78), metrics["r2"]!.Value, 12);
        Assert.Equal(2.0 / 3, metrics["mae"]!.Value, 12);
        Assert.Equal(Math.Sqrt(4.0 / 3), metrics["rmse"]!.Value, 12);
    }

    [Fact]
    public void BinaryMetricsMatchHandComputedValues()
    {
        // P(yes) 0.9, 0.8, 0.7, 0.1 for actual yes, no, yes, no: predicted yes, yes, yes, no, so 3 of 4 right.
        // F1(yes) = 2·(2/3)·1/(2/3+1) = 0.8, F1(no) = 2·1·(1/2)/(3/2) = 2/3; AUC: 3 of 4 (yes, no) pairs ordered.
        var rows = new[] { (0.9, "yes"), (0.8, "no"), (0.7, "yes"), (0.1, "no") }
            .Select(p => new LabelledPrediction(Logged("x", yes: p.Item1), p.Item2)).ToList();
        var predictions = rows.Select(r => r.Prediction).ToList();

        Assert.Equal(TaskKind.Binary, WindowMetrics.TaskOf(predictions));
        var metrics = WindowMetrics.Compute(TaskKind.Binary, rows, WindowMetrics.ModelClasses(predictions));

        Assert.Equal(0.75, metrics["accuracy"]!.Value, 12);
        Assert.Equal((0.8 + (2.0 / 3)) / 2, metrics["f1_macro"]!.Value, 12);
        Assert.Equal(0.75, metrics["roc_auc"]!.Value, 12);
    }

    [Fact]
    public void AMulticlassModelWithoutProbabilitiesIsScoredOnItsLabels()
    {
        LoggedPrediction Label(string label) => new("x", "m", 1, T0, 1, PredictionStatus.Ok, new Dictionary<string, object?>(), new ModelPrediction(null, label, null));
        var rows = new[] { ("a", "a"), ("b", "b"), ("c", "a"), ("c", "c") }.Select(p => new LabelledPrediction(Label(p.Item1), p.Item2)).ToList();
        var predictions = rows.Select(r => r.Prediction).ToList();

        Assert.Equal(TaskKind.Multiclass, WindowMetrics.TaskOf(predictions));
        var metrics = WindowMetrics.Compute(TaskKind.Multiclass, rows, WindowMetrics.ModelClasses(predictions));

        // Class a: precision 1, recall 1/2 → 2/3; b: 1; c: precision 1/2, recall 1 → 2/3.
        Assert.Equal(["accuracy", "f1_macro"], metrics.Keys);
        Assert.Equal(0.75, metrics["accuracy"]!.Value, 12);
        Assert.Equal(((2.0 / 3) + 1 + (2.0 / 3)) / 3, metrics["f1_macro"]!.Value, 12);
    }

    [Fact]
    public void AnUndefinedMetricIsNullAndNoFeedbackMeansNoMetrics()
    {
        var constant = new[] { (1.0, "4"), (2.0, "4") }.Select(p => new LabelledPrediction(Logged("x", value: p.Item1), p.Item2)).ToList();

        var metrics = WindowMetrics.Compute(TaskKind.Regression, constant, []);

        Assert.Null(metrics["r2"]);
        Assert.Equal(2.5, metrics["mae"]!.Value, 12);
        Assert.Empty(WindowMetrics.Compute(TaskKind.Regression, [], []));
    }

    private static LoggedPrediction Logged(string id, double? value = null, double? yes = null, string? customer = null)
    {
        var output = yes is { } p
            ? new ModelPrediction(null, p > 0.5 ? "yes" : "no", new Dictionary<string, double> { ["yes"] = p, ["no"] = 1 - p })
            : new ModelPrediction(value, null, null);
        return new LoggedPrediction(id, "m", 1, T0, 1, PredictionStatus.Ok, new Dictionary<string, object?> { ["customer"] = customer }, output);
    }

    private static PredictionFeedback Feedback(string column, string key, string actual) =>
        new() { Model = "m", KeyColumn = column, KeyValue = key, Actual = actual, RecordedBy = "tester" };
}
