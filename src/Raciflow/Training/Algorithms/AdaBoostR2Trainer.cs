namespace Raciflow.Training.Algorithms;

/// <summary>
/// AdaBoost.R2 (Drucker 1997), as scikit-learn's AdaBoostRegressor: each round fits a tree on a weighted bootstrap
/// sample, scores every row's loss in [0, 1], and multiplies the weights of well-predicted rows by
/// β^((1 − loss)·learning_rate) with β = ε/(1 − ε). Stops early on a perfect round or one no better than ε = ½.
/// </summary>
internal static class AdaBoostR2Trainer
{
    public static (List<CartTree> Trees, List<double> Weights) Fit(TrainingData data, CartTreeOptions tree, int estimators, double learningRate, AdaBoostR2Loss loss, Random random, CancellationToken cancellationToken)
    {
        var weights = Normalized(TrainingDataGuard.WeightsOrOnes(data));
        var trees = new List<CartTree>();
        var treeWeights = new List<double>();
        var predictions = new double[data.Rows];
        for (var m = 0; m < estimators; m++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sample = data.Take(WeightedBootstrap(weights, random));
            var fitted = CartTreeBuilder.Build(sample.Features, sample.Labels, TrainingDataGuard.WeightsOrOnes(sample with { Weights = null }), 0, tree, random, cancellationToken);
            for (var i = 0; i < data.Rows; i++)
            {
                predictions[i] = fitted.Leaf(data.Features.Row(i))[0];
            }

            var round = Reweight(predictions, data.Labels, weights, loss, learningRate, updateWeights: m < estimators - 1);
            if (round.Error >= 0.5 && trees.Count > 0)
            {
                break; // no better than chance: scikit-learn drops such an estimator and stops
            }

            trees.Add(fitted);

            // A first estimator at ε ≥ ½ is kept alone (scikit-learn would keep it at weight 0).
            treeWeights.Add(round.Error >= 0.5 ? 1.0 : round.EstimatorWeight);
            if (round.Error <= 0 || round.Error >= 0.5)
            {
                break;
            }
        }

        return (trees, treeWeights);
    }

    /// <summary>
    /// Scores one round and, unless it is perfect or too weak (or <paramref name="updateWeights"/> is false),
    /// updates <paramref name="weights"/> in place, normalised to sum 1.
    /// </summary>
    public static BoostingRound Reweight(ReadOnlySpan<double> predictions, double[] labels, double[] weights, AdaBoostR2Loss loss, double learningRate, bool updateWeights)
    {
        var n = labels.Length;
        var errors = new double[n];
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            errors[i] = Math.Abs(predictions[i] - labels[i]);
            if (weights[i] > 0)
            {
                largest = Math.Max(largest, errors[i]);
            }
        }

        var error = 0.0;
        for (var i = 0; i < n; i++)
        {
            var e = largest > 0 ? errors[i] / largest : errors[i];
            errors[i] = loss switch
            {
                AdaBoostR2Loss.Square => e * e,
                AdaBoostR2Loss.Exponential => 1 - Math.Exp(-e),
                _ => e,
            };
            error += weights[i] > 0 ? weights[i] * errors[i] : 0;
        }

        if (error <= 0)
        {
            return new BoostingRound(0, 1);
        }

        if (error >= 0.5)
        {
            return new BoostingRound(error, 0);
        }

        var beta = error / (1 - error);
        var estimatorWeight = learningRate * Math.Log(1 / beta);
        if (updateWeights)
        {
            for (var i = 0; i < n; i++)
            {
                if (weights[i] > 0)
                {
                    weights[i] *= Math.Pow(beta, (1 - errors[i]) * learningRate);
                }
            }

            Normalize(weights);
        }

        return new BoostingRound(error, estimatorWeight);
    }

    /// <summary>n row indices drawn with replacement, each with probability proportional to its weight.</summary>
    internal static int[] WeightedBootstrap(double[] weights, Random random)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        var draws = new int[weights.Length];
        for (var k = 0; k < draws.Length; k++)
        {
            var u = random.NextDouble() * sum;
            var at = Array.BinarySearch(cumulative, u);
            at = at >= 0 ? at + 1 : ~at;

            // Skip zero-weight rows that share a cumulative value with the row before them.
            while (at < weights.Length - 1 && weights[at] == 0)
            {
                at++;
            }

            draws[k] = Math.Min(at, weights.Length - 1);
        }

        return draws;
    }

    private static double[] Normalized(double[] weights)
    {
        var copy = (double[])weights.Clone();
        Normalize(copy);
        return copy;
    }

    private static void Normalize(double[] weights)
    {
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }
    }
}
