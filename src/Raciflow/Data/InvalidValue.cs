namespace Raciflow.Data;

/// <summary>A value that breaks its column's inferred type, with the 1-based line of the source file it came from.</summary>
public sealed record InvalidValue(long Line, string Value);
