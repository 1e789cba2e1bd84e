namespace Raciflow.Training.Algorithms;

/// <summary>
/// SAMME (Zhu, Zou, Rosset and Hastie 2009), the multi-class AdaBoost of scikit-learn's AdaBoostClassifier: each
/// round fits a weighted tree, gives it α = learning_rate·(log((1 − ε)/ε) + log(K − 1)) and multiplies the weights
/// of the rows it got wrong by e^α. Stops early on a perfect round or one no better than chance (ε ≥ 1 − 1/K).
/// </summary>
internal static class SammeTrainer
{
    public static (List<CartTree> Trees, List<double> Weights) Fit(TrainingData data, CartTreeOptions tree, int estimators, double learningRate, Random random, CancellationToken cancellationToken)
    {
        var weights = TrainingDataGuard.WeightsOrOnes(data).ToArray();
        Normalize(weights);
        var trees = new List<CartTree>();
        var alphas = new List<double>();
        var predicted = new int[data.Rows];
        var chance = 1 - (1.0 / data.ClassCount);
        for (var m = 0; m < estimators; m++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fitted = CartTreeBuilder.Build(data.Features, data.Labels, weights, data.ClassCount, tree, random, cancellationToken);
            for (var i = 0; i < data.Rows; i++)
            {
                predicted[i] = fitted.PredictClass(data.Features.Row(i));
            }

            var round = Reweight(predicted, data.Labels, weights, data.ClassCount, learningRate, updateWeights: m < estimators - 1);
            if (round.Error >= chance && trees.Count > 0)
            {
                break;
            }

            trees.Add(fitted);

            // A first tree no better than chance is kept alone: scikit-learn raises instead, but a usable model
            // (the tree itself) is kinder to an automated search.
            alphas.Add(round.Error >= chance ? 1.0 : round.EstimatorWeight);
            if (round.Error <= 0 || round.Error >= chance)
            {
                break;
            }
        }

        return (trees, alphas);
    }

    /// <summary>
    /// Scores one round and, unless it is perfect or no better than chance (or <paramref name="updateWeights"/> is
    /// false), multiplies the misclassified rows' weights by e^α in place and normalises them to sum 1.
    /// </summary>
    public static BoostingRound Reweight(ReadOnlySpan<int> predicted, double[] labels, double[] weights, int classCount, double learningRate, bool updateWeights)
    {
        var wrong = 0.0;
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            total += weights[i];
            wrong += predicted[i] != (int)labels[i] ? weights[i] : 0;
        }

        var error = wrong / total;
        if (error <= 0)
        {
            return new BoostingRound(0, 1);
        }

        if (error >= 1 - (1.0 / classCount))
        {
            return new BoostingRound(error, 0);
        }

        var alpha = learningRate * (Math.Log((1 - error) / error) + Math.Log(classCount - 1));
        if (updateWeights)
        {
            var factor = Math.Exp(alpha);
            for (var i = 0; i < labels.Length; i++)
            {
                if (predicted[i] != (int)labels[i] && weights[i] > 0)
                {
                    weights[i] *= factor;
                }
            }

            Normalize(weights);
        }

        return new BoostingRound(error, alpha);
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
