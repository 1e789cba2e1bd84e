namespace Raciflow.Data.Profiling;

/// <summary>Everything an exploratory-analysis report shows, computed from one dataset version.</summary>
public sealed record ProfileReport(
    string Dataset,
    DateTime GeneratedAt,
    DatasetOverview Overview,
    IReadOnlyList<ColumnProfile> Columns,
    LabelledMatrix Correlations,
    LabelledMatrix Associations,
    TargetColumn? Target);
