namespace Raciflow.Data;

/// <summary>The outcome of adding a file: the version that holds its content, and whether this add created it.</summary>
public sealed record DatasetAddResult(DatasetVersion Version, bool Created);
