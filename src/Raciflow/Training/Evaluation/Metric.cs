namespace Raciflow.Training.Evaluation;

/// <summary>A named evaluation metric, which tasks it applies to and which direction is better.</summary>
public sealed record Metric(string Name, bool HigherIsBetter, bool ForRegression)
{
    public static IReadOnlyList<Metric> All { get; } =
    [
        new("r2", true, true),
        new("mae", false, true),
        new("rmse", false, true),
        new("mape", false, true),
        new("accuracy", true, false),
        new("precision_macro", true, false),
        new("recall_macro", true, false),
        new("f1_macro", true, false),
        new("precision_weighted", true, false),
        new("recall_weighted", true, false),
        new("f1_weighted", true, false),
        new("roc_auc", true, false),
        new("log_loss", false, false),
    ];

    /// <summary>r2 for regression, f1_macro for classification.</summary>
    public static Metric DefaultFor(TaskKind task) => Get(task == TaskKind.Regression ? "r2" : "f1_macro", task);

    public static Metric Get(string name, TaskKind task)
    {
        var metric = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        var names = string.Join(", ", All.Where(m => m.ForRegression == (task == TaskKind.Regression)).Select(m => m.Name));
        if (metric is null)
        {
            throw RaciflowException.Invalid($"Unknown metric '{name}'; for {task.ToString().ToLowerInvariant()} use: {names}.", name);
        }

        return metric.ForRegression == (task == TaskKind.Regression)
            ? metric
            : throw RaciflowException.Invalid($"Metric '{name}' does not apply to {task.ToString().ToLowerInvariant()}; use: {names}.", name);
    }

    /// <summary>The value turned so that larger is always better (for maximising searches).</summary>
    public double Oriented(double value) => HigherIsBetter ? value : -value;

    /// <summary>True when <paramref name="a"/> is strictly better than <paramref name="b"/>; NaN is worst.</summary>
    public bool IsBetter(double a, double b) => !double.IsNaN(a) && (double.IsNaN(b) || Oriented(a) > Oriented(b));
}
