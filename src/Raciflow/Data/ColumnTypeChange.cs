namespace Raciflow.Data;

/// <summary>A column present in both versions whose inferred type differs.</summary>
public sealed record ColumnTypeChange(string Column, ColumnType From, ColumnType To);
