using Raciflow.Tracking;

namespace Raciflow.Registry;

/// <summary>
/// A run with where it came from and what came of it: the dataset version it trained on (an algorithm's run inherits
/// its job's) and the model versions registered from it or, for a job, from its algorithms' runs.
/// </summary>
public sealed record RunLineageLinks(RunDetails Run, LineageDataset? Dataset, IReadOnlyList<ModelVersionDetails> ModelVersions);
