using Raciflow.Projects;

namespace Raciflow.Data.Validation;

/// <summary>What every check sees: the frame, the ingestion statistics when known, the project's data section and thresholds.</summary>
public sealed record ValidationContext(Frame Frame, IReadOnlyList<ColumnStatistics> Statistics, DataConfig? Data, ValidationOptions Options)
{
    public ColumnStatistics? StatisticsOf(string column) => Statistics.FirstOrDefault(s => string.Equals(s.Name, column, StringComparison.Ordinal));
}
