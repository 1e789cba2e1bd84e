namespace Raciflow.Projects;

/// <summary>A project KPI evaluated on the best model's test rows.</summary>
public sealed record KpiCheck(string Metric, double? Min, double? Max, double? Actual, bool Passed)
{
    public string Rule => (Min, Max) switch
    {
        ({ } min, { } max) => $"{min} ≤ {Metric} ≤ {max}",
        ({ } min, null) => $"{Metric} ≥ {min}",
        (null, { } max) => $"{Metric} ≤ {max}",
        _ => Metric,
    };
}
