namespace Raciflow.Training.Evaluation;

/// <summary>One cross-validation fold: rows to fit on and rows to score, as indices into the training rows.</summary>
public sealed record Fold(int[] Train, int[] Test);
