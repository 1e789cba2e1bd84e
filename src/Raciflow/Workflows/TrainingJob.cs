using Raciflow.Tracking;

namespace Raciflow.Workflows;

/// <summary>A recorded training job (the parent run of <c>raciflow train</c>) and its algorithms ranked best first.</summary>
/// <param name="PrimaryMetric">The metric the job ranked by, e.g. r2 or f1_macro.</param>
/// <param name="HigherIsBetter">Which direction of <paramref name="PrimaryMetric"/> is better.</param>
public sealed record TrainingJob(RunSummary Job, string PrimaryMetric, bool HigherIsBetter, IReadOnlyList<TrainingJobEntry> Leaderboard);
