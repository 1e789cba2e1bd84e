namespace Raciflow.Data;

/// <summary>A value and how many rows hold it.</summary>
public sealed record ValueCount(string Value, long Count);
