namespace Raciflow.Data;

/// <summary>One column of a dataset version: its name, inferred type and whether any value is missing.</summary>
public sealed record ColumnSchema(string Name, ColumnType Type, bool Nullable);
