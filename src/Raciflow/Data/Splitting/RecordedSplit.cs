namespace Raciflow.Data.Splitting;

/// <summary>A recorded split and the dataset version it splits.</summary>
public sealed record RecordedSplit(DatasetVersion Version, DatasetSplit Split);
