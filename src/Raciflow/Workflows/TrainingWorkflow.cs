using Raciflow.Projects;
using System.Globalization;
using Raciflow.Data;
using Raciflow.Data.Splitting;
using Raciflow.Tracking;
using Raciflow.Training;
using Raciflow.Training.Evaluation;
using Raciflow.Workspaces;

namespace Raciflow.Workflows;

/// <summary>
/// <c>raciflow train</c>: resolves the dataset version and its recorded split, trains and tunes the requested
/// algorithms (test rows never seen by training or tuning), and records everything as tracked runs: one parent run
/// for the job, a child per algorithm (params, metrics, model bundle, plots, importance) and a grandchild per trial.
/// </summary>
public sealed class TrainingWorkflow(Workspace workspace)
{
    public async Task<TrainingReport> RunAsync(TrainOptions options, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var project = workspace.Project;
        var dataText = options.Data ?? project?.Data.Name
            ?? throw RaciflowException.Invalid("Name the dataset to train on with --data NAME[@VERSION] (or data.name in raciflow.yaml).", "--data");
        var target = options.Target ?? project?.Data.Target
            ?? throw RaciflowException.Invalid("Name the column to predict with --target COLUMN (or data.target in raciflow.yaml).", "--target");
        var task = options.Task ?? ParseTask(project?.Data.Task);
        var reference = DatasetRef.Parse(dataText);

        var datasets = new DatasetService(workspace);
        var version = await datasets.ResolveAsync(reference, cancellationToken);
        var frame = await datasets.LoadFrameAsync(version, cancellationToken);
        frame.Schema.Require(target, version.Label);

        // The split is recorded with the version, so every run names exactly which rows it trained and tested on.
        var splits = new DatasetSplitService(workspace);
        var recordedSplit = await splits.SplitAsync(version, frame, SplitRequest.Resolve(project?.Data, frame, new SplitOverrides()), cancellationToken);
        var indices = await splits.LoadSplitIndicesAsync(recordedSplit, cancellationToken);
        var split = new Training.SplitIndices(indices.Train, indices.Validation, indices.Test);

        var seed = options.Seed ?? project?.Data.Split.Seed ?? 42;
        var request = new TrainingRequest
        {
            Target = target,
            Task = task,
            Algorithms = options.Algorithms,
            Trials = options.Trials ?? 10,
            TimeBudget = options.TimeBudget,
            Seed = seed,
            PrimaryMetric = options.PrimaryMetric,
            Folds = options.Folds ?? 5,
            Hyperparameters = options.Hyperparameters ?? new Dictionary<string, IReadOnlyDictionary<string, object>>(),
        };

        var tracking = new TrackingService(workspace);
        var experiment = options.Experiment ?? project?.Project ?? "default";
        await using var parent = await tracking.StartRunAsync(
            new StartRunOptions
            {
                Experiment = experiment,
                Name = $"train {version.Label} → {target}",
                DatasetVersionId = version.Id,
                SplitId = recordedSplit.Id,
                User = options.User ?? workspace.Actor,
                Tags = new Dictionary<string, string>(options.Tags ?? new Dictionary<string, string>()) { ["kind"] = "training", ["dataset"] = version.Label, ["target"] = target },
            },
            cancellationToken);
        try
        {
            var result = await new ModelTrainer(AlgorithmCatalog.CreateDefault(), workspace.Clock)
                .TrainAsync(frame, split, request, observer, cancellationToken);
            var testRows = frame.Take(indices.Test);
            var entries = new List<LeaderboardEntry>();
            foreach (var (algorithm, rank) in result.Leaderboard.Select((a, i) => (a, i + 1)))
            {
                var runId = await TrainingRunLogger.LogAsync(parent, algorithm, testRows, result.Task, result.PrimaryMetric, seed, cancellationToken);
                entries.Add(Entry(rank, runId, algorithm, result.PrimaryMetric));
            }

            var kpis = KpiEvaluator.Evaluate(project?.Problem.Kpis ?? [], result.Best.TestMetrics);
            await parent.LogBatchAsync(
                new RunBatch
                {
                    Params = new Dictionary<string, string>
                    {
                        ["target"] = target,
                        ["task"] = result.Task.ToString().ToLowerInvariant(),
                        ["primary_metric"] = result.PrimaryMetric.Name,
                        ["algorithms"] = string.Join(",", result.Leaderboard.Select(a => a.Algorithm).Order(StringComparer.Ordinal)),
                        ["trials"] = request.Trials?.ToString(CultureInfo.InvariantCulture) ?? "time",
                        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
                    },
                    Metrics = result.Best.TestMetrics.Select(kv => new MetricPoint("best_test_" + kv.Key, kv.Value)).ToList(),
                    Tags = new Dictionary<string, string>
                    {
                        ["best_algorithm"] = result.Best.Algorithm,
                        ["best_run"] = entries[0].RunId,
                        ["kpis"] = kpis.Count == 0 ? "none" : kpis.All(k => k.Passed) ? "passed" : "failed",
                    },
                },
                cancellationToken);
            await parent.CompleteAsync(cancellationToken);
            return new TrainingReport(parent.Id, experiment, version.Label, recordedSplit.Id, target, result.Task, result.PrimaryMetric.Name, entries, kpis);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await parent.FailAsync(ex, CancellationToken.None);
            throw;
        }
    }

    private static LeaderboardEntry Entry(int rank, string runId, AlgorithmResult a, Metric metric) => new(
        rank,
        a.Algorithm,
        runId,
        a.CvScore,
        a.ValidationMetrics.TryGetValue(metric.Name, out var v) ? v : null,
        a.TestMetrics.TryGetValue(metric.Name, out var t) ? t : null,
        a.TestMetrics,
        a.BestHyperparameters.Values.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal),
        a.Trials.Count,
        a.Duration.TotalSeconds);

    private static TaskKind? ParseTask(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" => null,
        "regression" => TaskKind.Regression,
        "binary" => TaskKind.Binary,
        "multiclass" => TaskKind.Multiclass,
        _ => throw RaciflowException.Invalid($"raciflow.yaml: data.task '{text}' is not one of regression, binary, multiclass.", "data.task"),
    };
}
