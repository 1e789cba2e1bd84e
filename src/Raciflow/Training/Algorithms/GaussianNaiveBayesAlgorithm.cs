using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Gaussian naive Bayes (scikit-learn's GaussianNB): per class, weighted feature means and variances, with
/// var_smoothing × the largest feature variance added to every variance for stability.
/// </summary>
public sealed class GaussianNaiveBayesAlgorithm : IAlgorithm
{
    public string Name => "naive-bayes";

    public string DisplayName => "Gaussian naive Bayes";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Binary, TaskKind.Multiclass };

    public HyperparameterSpace SearchSpace(TaskKind task) => new([Hyperparameter.Real("var_smoothing", 1e-12, 1e-1, 1e-9, log: true)]);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        cancellationToken.ThrowIfCancellationRequested();
        var x = data.Features;
        var p = x.Columns;
        var k = data.ClassCount;
        var weights = TrainingDataGuard.WeightsOrOnes(data);
        var classWeight = new double[k];
        var means = new double[k * p];
        var variances = new double[k * p];
        for (var i = 0; i < x.Rows; i++)
        {
            var c = (int)data.Labels[i];
            classWeight[c] += weights[i];
            for (var j = 0; j < p; j++)
            {
                means[(c * p) + j] += weights[i] * x[i, j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < p && classWeight[c] > 0; j++)
            {
                means[(c * p) + j] /= classWeight[c];
            }
        }

        // Two passes (mean, then squared deviations) rather than E[x²] − E[x]², which cancels badly.
        for (var i = 0; i < x.Rows; i++)
        {
            var c = (int)data.Labels[i];
            for (var j = 0; j < p; j++)
            {
                var d = x[i, j] - means[(c * p) + j];
                variances[(c * p) + j] += weights[i] * d * d;
            }
        }

        var epsilon = h.Real("var_smoothing") * LargestFeatureVariance(x);
        if (epsilon == 0)
        {
            // Every feature is constant: scikit-learn would divide by zero; a tiny floor keeps the priors in charge.
            epsilon = h.Real("var_smoothing");
        }

        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < p; j++)
            {
                variances[(c * p) + j] = (classWeight[c] > 0 ? variances[(c * p) + j] / classWeight[c] : 0) + epsilon;
            }
        }

        var total = classWeight.Sum();

        // A class absent from the training rows gets log(0) = −∞ and so probability 0.
        var logPriors = classWeight.Select(w => Math.Log(w / total)).ToArray();
        return new GaussianNaiveBayesModel(Name, data.Task, p, logPriors, means, variances);
    }

    public ITrainedModel Load(Stream stream) => GaussianNaiveBayesModel.Read(stream, Name);

    /// <summary>The largest unweighted population variance of any feature, scikit-learn's scale for var_smoothing.</summary>
    private static double LargestFeatureVariance(FeatureMatrix x)
    {
        var largest = 0.0;
        for (var j = 0; j < x.Columns; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                mean += x[i, j];
            }

            mean /= x.Rows;
            var variance = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                var d = x[i, j] - mean;
                variance += d * d;
            }

            largest = Math.Max(largest, variance / x.Rows);
        }

        return largest;
    }
}
