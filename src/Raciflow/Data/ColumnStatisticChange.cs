namespace Raciflow.Data;

/// <summary>One statistic of a column present in both versions that differs between them.</summary>
public sealed record ColumnStatisticChange(string Column, string Statistic, double? From, double? To);
