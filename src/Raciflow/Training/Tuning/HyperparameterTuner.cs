using System.Diagnostics;
using Raciflow.Training.Evaluation;

namespace Raciflow.Training.Tuning;

/// <summary>
/// Searches an algorithm's hyperparameters by cross-validation. Trials are proposed in fixed-size batches from the
/// results of earlier batches only and each trial's outcome depends only on its own values, so running a batch in
/// parallel changes neither which trials are proposed nor their scores: the same seed, data and options give the
/// same trials. The first trial is always the defaults.
/// </summary>
public sealed class HyperparameterTuner(TimeProvider clock)
{
    /// <summary>Fraction of earlier trials that TPE treats as "good".</summary>
    private const double GoodFraction = 0.25;

    /// <param name="fixedValues">User-set hyperparameters: kept as given and not searched.</param>
    public async Task<TuningResult> TuneAsync(
        IAlgorithm algorithm,
        TrainingData data,
        IReadOnlyList<Fold> folds,
        Metric metric,
        TuningOptions options,
        Hyperparameters? fixedValues = null,
        ITrialObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        if (options.Trials is null && options.TimeBudget is null)
        {
            throw RaciflowException.Invalid("A hyperparameter search needs a budget: a number of trials or a time limit.", "trials");
        }

        if (options.Trials is < 1)
        {
            throw RaciflowException.Invalid($"The number of trials must be at least 1; got {options.Trials}.", "trials");
        }

        var space = algorithm.SearchSpace(data.Task);
        var fixedNames = fixedValues?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var searched = space.Parameters.Where(p => !fixedNames.Contains(p.Name)).ToList();
        var defaults = Merge(space.Defaults(), fixedValues);
        var sampler = options.Strategy == SearchStrategy.Tpe ? (ISampler)new TpeSampler() : new RandomSampler();
        var started = clock.GetTimestamp();
        var trials = new List<TrialResult>();
        var gate = new object();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var batch = 0; ; batch++)
        {
            var remaining = options.Trials is { } max ? max - trials.Count : int.MaxValue;
            if (remaining <= 0 || (options.TimeBudget is { } budget && trials.Count > 0 && clock.GetElapsedTime(started) >= budget))
            {
                break;
            }

            // A search space smaller than the budget (e.g. nothing left to search) ends once it stops yielding new sets.
            var proposals = Propose(batch, Math.Min(options.BatchSize, remaining), trials, searched, defaults, sampler, metric, options, seen);
            if (proposals.Count == 0)
            {
                break;
            }

            var threshold = MedianFirstFold(trials, metric, options);
            var results = new TrialResult[proposals.Count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, proposals.Count), parallel, (i, ct) =>
            {
                var number = trials.Count + i;
                lock (gate)
                {
                    observer?.TrialStarted(number, proposals[i]);
                }

                // Folds of a trial run in parallel too, so a batch smaller than the core count still uses every core.
                results[i] = RunTrial(number, algorithm, data, folds, metric, proposals[i], options.Seed, threshold, options.MaxParallelism, ct);
                lock (gate)
                {
                    observer?.TrialFinished(results[i]);
                }

                return ValueTask.CompletedTask;
            });
            trials.AddRange(results);
        }

        var completed = trials.Where(t => !t.Pruned && !double.IsNaN(t.Score)).ToList();
        var best = completed.Count == 0
            ? trials[0]
            : completed.Aggregate((a, b) => metric.IsBetter(b.Score, a.Score) ? b : a);
        return new TuningResult(best, trials);
    }

    private static TrialResult RunTrial(int number, IAlgorithm algorithm, TrainingData data, IReadOnlyList<Fold> folds, Metric metric, Hyperparameters hp, int seed, double? threshold, int parallelism, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var first = CrossValidator.Scores(algorithm, data, hp, folds, metric, seed, 1, 1, ct);
        if (threshold is { } t && metric.Oriented(first[0]) < t)
        {
            return new TrialResult(number, hp, first[0], first, true, watch.Elapsed);
        }

        var rest = CrossValidator.Scores(algorithm, data, hp, folds.Skip(1).ToList(), metric, seed, null, parallelism, ct);
        double[] all = [.. first, .. rest];
        return new TrialResult(number, hp, all.Average(), all, false, watch.Elapsed);
    }

    /// <summary>The oriented median first-fold score of earlier trials, or null while too few exist to judge.</summary>
    private static double? MedianFirstFold(List<TrialResult> trials, Metric metric, TuningOptions options)
    {
        var firsts = trials.Select(t => metric.Oriented(t.FoldScores[0])).Where(s => !double.IsNaN(s)).Order().ToArray();
        return !options.EarlyStopping || firsts.Length < 4 ? null : firsts[firsts.Length / 2];
    }

    private static List<Hyperparameters> Propose(int batch, int count, List<TrialResult> history, List<Hyperparameter> searched, Hyperparameters defaults, ISampler sampler, Metric metric, TuningOptions options, HashSet<string> seen)
    {
        var proposals = new List<Hyperparameters>();
        if (batch == 0 && seen.Add(defaults.ToString()))
        {
            proposals.Add(defaults);
        }

        // HashCode.Combine is randomised per process, so the batch seed is mixed by hand.
        var random = new Random(unchecked((options.Seed * 1_000_003) + batch) & int.MaxValue);
        var useModel = options.Strategy == SearchStrategy.Tpe && history.Count >= options.StartupTrials;
        var ranked = history.Where(t => !double.IsNaN(t.Score)).OrderByDescending(t => metric.Oriented(t.Score)).ThenBy(t => t.Number).ToList();
        var goodCount = Math.Max(1, (int)Math.Ceiling(GoodFraction * ranked.Count));
        var good = ranked.Take(goodCount).ToList();
        var bad = ranked.Skip(goodCount).ToList();
        for (var attempt = 0; proposals.Count < count && attempt < count * 20 && searched.Count > 0; attempt++)
        {
            var values = new Dictionary<string, object>(defaults.Values, StringComparer.Ordinal);
            foreach (var p in searched)
            {
                var u = useModel
                    ? sampler.Sample(p, good.Select(t => UnitSpace.ToUnit(p, t.Hyperparameters.Values[p.Name])).ToList(), bad.Select(t => UnitSpace.ToUnit(p, t.Hyperparameters.Values[p.Name])).ToList(), random)
                    : random.NextDouble();
                values[p.Name] = UnitSpace.FromUnit(p, u);
            }

            var proposal = new Hyperparameters(values);
            if (seen.Add(proposal.ToString()))
            {
                proposals.Add(proposal);
            }
        }

        return proposals;
    }

    private static Hyperparameters Merge(Hyperparameters defaults, Hyperparameters? fixedValues)
    {
        var merged = new Dictionary<string, object>(defaults.Values, StringComparer.Ordinal);
        foreach (var (k, v) in fixedValues?.Values ?? new Dictionary<string, object>())
        {
            merged[k] = v;
        }

        return new Hyperparameters(merged);
    }
}
