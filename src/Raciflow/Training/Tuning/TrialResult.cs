namespace Raciflow.Training.Tuning;

/// <summary>
/// One evaluated hyperparameter set: its cross-validation score (mean over the folds it ran), the per-fold scores,
/// and whether it was stopped early after its first fold.
/// </summary>
public sealed record TrialResult(int Number, Hyperparameters Hyperparameters, double Score, IReadOnlyList<double> FoldScores, bool Pruned, TimeSpan Duration);
