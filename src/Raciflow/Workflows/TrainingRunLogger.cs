using System.Globalization;
using Raciflow.Data;
using Raciflow.Tracking;
using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Workflows;

/// <summary>
/// Records one algorithm's result as a tracked run: its tuning trials as child runs, parameters, metrics, the
/// model bundle, evaluation plots and permutation importance. The bundle is stored before the run is marked
/// finished, so a finished run always has its model.
/// </summary>
internal static class TrainingRunLogger
{
    public static async Task<string> LogAsync(ActiveRun parent, AlgorithmResult result, Frame testRows, TaskKind task, Metric metric, int seed, CancellationToken cancellationToken)
    {
        await using var run = await parent.StartChildRunAsync(result.Algorithm, new Dictionary<string, string> { ["algorithm"] = result.Algorithm, ["kind"] = "algorithm" }, cancellationToken);
        try
        {
            foreach (var trial in result.Trials)
            {
                await using var child = await run.StartChildRunAsync($"{result.Algorithm} trial {trial.Number}", new Dictionary<string, string> { ["kind"] = "trial", ["pruned"] = trial.Pruned ? "true" : "false" }, cancellationToken);
                await child.LogBatchAsync(
                    new RunBatch
                    {
                        Params = Strings(trial.Hyperparameters.Values),
                        Metrics = [new MetricPoint("cv_" + metric.Name, trial.Score)],
                    },
                    cancellationToken);
                await child.CompleteAsync(cancellationToken);
            }

            var metrics = result.Bundle.Metrics.Select(kv => new MetricPoint(kv.Key, kv.Value)).ToList();
            metrics.AddRange(result.Trials.Select(t => new MetricPoint("trial_cv_" + metric.Name, t.Score, t.Number)));
            var parameters = Strings(result.BestHyperparameters.Values);
            parameters["algorithm"] = result.Algorithm;
            parameters["seed"] = seed.ToString(CultureInfo.InvariantCulture);
            await run.LogBatchAsync(new RunBatch { Params = parameters, Metrics = metrics }, cancellationToken);

            using (var bundle = new MemoryStream())
            {
                result.Bundle.Save(bundle);
                bundle.Position = 0;
                await run.LogArtifactAsync("model/bundle.zip", bundle, cancellationToken);
            }

            var history = EvaluationPlots.TuningHistory(result.Trials.Select(t => (t.Number, t.Score, t.Pruned)).ToList(), metric);
            await run.LogArtifactAsync("plots/" + history.Name, new MemoryStream(history.Content), cancellationToken);

            if (testRows.RowCount > 0)
            {
                await LogEvaluationAsync(run, result.Bundle, testRows, task, metric, seed, cancellationToken);
            }

            await run.CompleteAsync(cancellationToken);
            return run.Id;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.FailAsync(ex, CancellationToken.None);
            throw;
        }
    }

    private static async Task LogEvaluationAsync(ActiveRun run, ModelBundle bundle, Frame testRows, TaskKind task, Metric metric, int seed, CancellationToken cancellationToken)
    {
        var predictions = bundle.PredictRaw(testRows);
        var targetColumn = testRows[bundle.Target];
        var plots = new List<PlotFile>();
        if (task == TaskKind.Regression)
        {
            var actual = ((NumericColumn)targetColumn).Values;
            plots.Add(EvaluationPlots.PredictedVsActual(actual, predictions));
            plots.Add(EvaluationPlots.Residuals(actual, predictions));
        }
        else
        {
            var actual = new int[testRows.RowCount];
            for (var i = 0; i < actual.Length; i++)
            {
                actual[i] = IndexOf(bundle.Classes, targetColumn.Format(i));
            }

            var known = Enumerable.Range(0, actual.Length).Where(i => actual[i] >= 0).ToArray();
            var width = bundle.Classes.Count;
            var probabilities = known.SelectMany(i => predictions.AsSpan(i * width, width).ToArray()).ToArray();
            var labels = known.Select(i => actual[i]).ToArray();
            var classification = ClassificationMetrics.Compute(labels, probabilities, width);
            plots.Add(EvaluationPlots.ConfusionMatrix(classification.ConfusionMatrix, bundle.Classes));
            plots.Add(EvaluationPlots.Roc(RocCurve.PerClass(labels, probabilities, bundle.Classes)));
        }

        foreach (var plot in plots)
        {
            await run.LogArtifactAsync("plots/" + plot.Name, new MemoryStream(plot.Content), cancellationToken);
        }

        var features = bundle.InputSchema.Select(c => c.Name).ToList();
        var importance = PermutationImportance.Compute(
            testRows,
            features,
            frame => ModelEvaluator.Metrics(TargetData(bundle, frame, task), bundle.PredictRaw(frame))[metric.Name],
            metric,
            repeats: 3,
            seed);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(importance);
        await run.LogArtifactAsync("feature_importance.json", new MemoryStream(json), cancellationToken);
        await run.LogBatchAsync(new RunBatch { Metrics = importance.Select(f => new MetricPoint("importance." + f.Column, f.Importance)).ToList() }, cancellationToken);
    }

    private static TrainingData TargetData(ModelBundle bundle, Frame frame, TaskKind task)
    {
        var column = frame[bundle.Target];
        var labels = new double[frame.RowCount];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = task == TaskKind.Regression ? ((NumericColumn)column).Values[i] : IndexOf(bundle.Classes, column.Format(i));
        }

        var empty = new FeatureMatrix([], frame.RowCount, 0, []);
        return new TrainingData(empty, labels, task, bundle.Classes.Count);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string? value)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (string.Equals(classes[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, string> Strings(IReadOnlyDictionary<string, object> values) =>
        values.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);
}
