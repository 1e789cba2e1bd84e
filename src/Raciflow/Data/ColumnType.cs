namespace Raciflow.Data;

/// <summary>The logical type inferred for a column; it decides storage, statistics, validation and preprocessing.</summary>
public enum ColumnType
{
    Numeric,
    Integer,
    Boolean,
    Categorical,
    DateTime,
    Text,
}
