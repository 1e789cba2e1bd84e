namespace Raciflow.Data.Ingestion;

/// <summary>The result of the first pass: a private copy of the source, its hash, and the inferred schema.</summary>
internal sealed record StagedSource(string Format, string CopyPath, string Hash, long SizeBytes, DatasetSchema Schema, long Rows);
