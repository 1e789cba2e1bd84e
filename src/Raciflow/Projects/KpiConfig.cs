namespace Raciflow.Projects;

/// <summary>A success criterion on a metric, e.g. <c>r2 ≥ 0.8</c>.</summary>
public sealed class KpiConfig
{
    public string Metric { get; set; } = string.Empty;

    public double? Min { get; set; }

    public double? Max { get; set; }
}
