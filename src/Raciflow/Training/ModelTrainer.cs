using Raciflow.Data;
using Raciflow.Training.Evaluation;
using Raciflow.Training.Preprocessing;
using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// Trains and compares algorithms on a frame: checks the whole request first, fits the preprocessing on the
/// training rows, tunes each algorithm by cross-validation on the training rows, refits the best settings on all
/// training rows, and scores validation and test rows. Test rows never reach preprocessing, tuning or selection.
/// </summary>
public sealed class ModelTrainer(AlgorithmCatalog catalog, TimeProvider clock)
{
    public async Task<TrainingResult> TrainAsync(Frame frame, SplitIndices split, TrainingRequest request, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var plan = TrainingPlan.Create(catalog, frame, split, request);
        var observerGate = new SerialisedObserver(observer);

        // Algorithms train concurrently (each also runs its trials and folds in parallel) so small data sets keep
        // every core busy; every fit depends only on its own inputs, so the results do not depend on the schedule.
        var results = await Task.WhenAll(plan.Algorithms.Select(entry => Task.Run(
            async () =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                observerGate.AlgorithmStarted(entry.Algorithm.Name, plan.Task);
                var result = await TrainOneAsync(plan, request, entry.Algorithm, entry.Fixed, observerGate, cancellationToken);
                observerGate.AlgorithmFinished(result);
                return result;
            },
            cancellationToken)));

        var hasValidation = plan.Validation.Rows > 0;
        var metric = plan.Metric;
        double RankScore(AlgorithmResult r) => metric.Oriented(hasValidation ? r.ValidationMetrics[metric.Name] : r.CvScore) is var s && double.IsNaN(s) ? double.NegativeInfinity : s;
        var leaderboard = results.OrderByDescending(RankScore).ThenBy(r => r.Algorithm, StringComparer.Ordinal).ToList();
        return new TrainingResult(plan.Task, metric, leaderboard);
    }

    private async Task<AlgorithmResult> TrainOneAsync(TrainingPlan plan, TrainingRequest request, IAlgorithm algorithm, Hyperparameters fixedValues, SerialisedObserver observer, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var options = new TuningOptions
        {
            Strategy = request.Strategy,
            Trials = request.Trials,
            TimeBudget = request.TimeBudget,
            Seed = request.Seed,
            EarlyStopping = request.EarlyStopping,
        };
        var tuning = await new HyperparameterTuner(clock).TuneAsync(
            algorithm, plan.Train, plan.Folds, plan.Metric, options, fixedValues, new TrialForwarder(algorithm.Name, observer), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var model = algorithm.Fit(plan.Train, tuning.Best.Hyperparameters, request.Seed, cancellationToken);
        var validation = plan.Validation.Rows > 0 ? ModelEvaluator.Evaluate(model, plan.Validation) : new Dictionary<string, double>();
        var test = plan.Test.Rows > 0 ? ModelEvaluator.Evaluate(model, plan.Test) : new Dictionary<string, double>();
        var metrics = new Dictionary<string, double> { ["cv_" + plan.Metric.Name] = tuning.Best.Score };
        foreach (var (k, v) in validation)
        {
            metrics["validation_" + k] = v;
        }

        foreach (var (k, v) in test)
        {
            metrics["test_" + k] = v;
        }

        var bundle = new ModelBundle
        {
            Pipeline = plan.Pipeline,
            Model = model,
            Target = request.Target,
            Classes = plan.Classes,
            Hyperparameters = tuning.Best.Hyperparameters,
            Metrics = metrics,
        };
        return new AlgorithmResult
        {
            Algorithm = algorithm.Name,
            BestHyperparameters = tuning.Best.Hyperparameters,
            CvScore = tuning.Best.Score,
            Trials = tuning.Trials,
            ValidationMetrics = validation,
            TestMetrics = test,
            Bundle = bundle,
            Duration = clock.GetElapsedTime(started),
        };
    }

    /// <summary>Forwards one algorithm's trial events to the job observer.</summary>
    private sealed class TrialForwarder(string algorithm, SerialisedObserver observer) : ITrialObserver
    {
        public void TrialStarted(int number, Hyperparameters hyperparameters) => observer.TrialStarted(algorithm, number, hyperparameters);

        public void TrialFinished(TrialResult trial) => observer.TrialFinished(algorithm, trial);
    }

    /// <summary>Serialises calls so observers need not be thread-safe.</summary>
    private sealed class SerialisedObserver(ITrainingObserver? inner)
    {
        private readonly Lock _gate = new();

        public void AlgorithmStarted(string algorithm, TaskKind task)
        {
            lock (_gate)
            {
                inner?.AlgorithmStarted(algorithm, task);
            }
        }

        public void TrialStarted(string algorithm, int number, Hyperparameters hp)
        {
            lock (_gate)
            {
                inner?.TrialStarted(algorithm, number, hp);
            }
        }

        public void TrialFinished(string algorithm, TrialResult trial)
        {
            lock (_gate)
            {
                inner?.TrialFinished(algorithm, trial);
            }
        }

        public void AlgorithmFinished(AlgorithmResult result)
        {
            lock (_gate)
            {
                inner?.AlgorithmFinished(result);
            }
        }
    }
}
