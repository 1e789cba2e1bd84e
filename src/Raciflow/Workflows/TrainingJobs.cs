using Raciflow.Tracking;
using Raciflow.Training.Evaluation;
using Raciflow.Workspaces;

namespace Raciflow.Workflows;

/// <summary>
/// Reads the training jobs <see cref="TrainingWorkflow"/> recorded back from tracking, with each job's leaderboard
/// ranked the way the trainer ranked it (validation score, else cross-validation score, in the metric's direction),
/// so dashboards show the same order the CLI printed without keeping a copy of it.
/// </summary>
public sealed class TrainingJobs(Workspace workspace)
{
    /// <summary>The newest jobs first, optionally of one experiment.</summary>
    public async Task<IReadOnlyList<TrainingJob>> ListAsync(string? experiment = null, int maxJobs = 20, CancellationToken cancellationToken = default)
    {
        var tracking = new TrackingService(workspace);
        var jobs = await tracking.SearchRunsAsync(
            new RunSearchRequest { Experiments = experiment is null ? null : [experiment], Filter = "tags.kind = 'training'", MaxResults = maxJobs },
            cancellationToken);
        var result = new List<TrainingJob>(jobs.Count);
        foreach (var job in jobs)
        {
            var algorithms = await tracking.SearchRunsAsync(
                new RunSearchRequest { Experiments = [job.Experiment], Filter = $"parent_run_id = '{job.Id}' and tags.kind = 'algorithm'", MaxResults = 1000 },
                cancellationToken);
            result.Add(Rank(job, algorithms));
        }

        return result;
    }

    private static TrainingJob Rank(RunSummary job, IReadOnlyList<RunSummary> algorithms)
    {
        var name = job.Params.GetValueOrDefault("primary_metric") ?? "score";
        var metric = Metric.All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal)) ?? new Metric(name, HigherIsBetter: true, ForRegression: true);
        double? Get(RunSummary run, string prefix) => run.Metrics.TryGetValue(prefix + name, out var v) ? v : null;
        var scored = algorithms.Select(r => (Run: r, Cv: Get(r, "cv_"), Validation: Get(r, "validation_"), Test: Get(r, "test_")))
            .Select(x => (x.Run, x.Cv, x.Validation, x.Test, Score: x.Validation ?? x.Cv))
            .OrderByDescending(x => x.Score is { } s && !double.IsNaN(s) ? metric.Oriented(s) : double.NegativeInfinity)
            .ThenBy(x => x.Run.Params.GetValueOrDefault("algorithm") ?? x.Run.Name, StringComparer.Ordinal)
            .Select((x, i) => new TrainingJobEntry(i + 1, x.Run.Params.GetValueOrDefault("algorithm") ?? x.Run.Name, x.Run, x.Score, x.Cv, x.Validation, x.Test))
            .ToList();
        return new TrainingJob(job, name, metric.HigherIsBetter, scored);
    }
}
