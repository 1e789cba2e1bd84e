namespace Raciflow.Projects;

/// <summary>One column's entry under <c>monitoring.drift.columns</c>.</summary>
public sealed class ColumnDriftConfig
{
    public string? Test { get; set; }

    public double? Threshold { get; set; }
}
