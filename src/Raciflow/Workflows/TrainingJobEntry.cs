using Raciflow.Tracking;

namespace Raciflow.Workflows;

/// <summary>One algorithm's line of a recorded job's leaderboard.</summary>
/// <param name="Score">What the job ranked by: the validation score when the split had a validation set, else the cross-validation score.</param>
/// <param name="Test">The primary metric on the test set, when there was one.</param>
public sealed record TrainingJobEntry(int Rank, string Algorithm, RunSummary Run, double? Score, double? Cv, double? Validation, double? Test);
