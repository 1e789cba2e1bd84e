using Raciflow.Training.Tuning;

namespace Raciflow.Training.Evaluation;

/// <summary>Fits on each fold's training rows and scores on its held-out rows.</summary>
public static class CrossValidator
{
    /// <summary>
    /// The metric on each of the first <paramref name="foldCount"/> folds (all when null), in fold order. Folds are
    /// fitted in parallel; each fold's score depends only on its own rows, so parallelism never changes a result.
    /// </summary>
    public static double[] Scores(IAlgorithm algorithm, TrainingData data, Hyperparameters hyperparameters, IReadOnlyList<Fold> folds, Metric metric, int seed, int? foldCount = null, int maxParallelism = 1, CancellationToken cancellationToken = default)
    {
        var count = Math.Min(foldCount ?? folds.Count, folds.Count);
        var scores = new double[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, count, options, f =>
        {
            var model = algorithm.Fit(data.Take(folds[f].Train), hyperparameters, seed, cancellationToken);
            scores[f] = ModelEvaluator.Score(model, data.Take(folds[f].Test), metric);
        });
        return scores;
    }
}
