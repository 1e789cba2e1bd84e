namespace Raciflow.Registry;

/// <summary>What was built on a dataset version: the runs that trained on it and the model versions made from them.</summary>
public sealed record DatasetLineage(LineageDataset Dataset, IReadOnlyList<LineageRun> Runs, IReadOnlyList<ModelVersionDetails> ModelVersions);
