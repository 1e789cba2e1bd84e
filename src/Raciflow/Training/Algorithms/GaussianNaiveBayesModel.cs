namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted Gaussian naive Bayes: per class a log prior and per feature a mean and a (smoothed) variance.
/// Probabilities come from the joint log-likelihoods through a log-sum-exp softmax, so they do not underflow.
/// </summary>
public sealed class GaussianNaiveBayesModel : ITrainedModel
{
    private readonly int _columns;
    private readonly double[] _logPriors;
    private readonly double[] _means;
    private readonly double[] _variances;

    // −½ Σ_j log(2π σ²_cj) per class, computed once so a prediction is one pass over the features.
    private readonly double[] _logNormalizers;

    internal GaussianNaiveBayesModel(string algorithm, TaskKind task, int columns, double[] logPriors, double[] means, double[] variances)
    {
        Algorithm = algorithm;
        Task = task;
        _columns = columns;
        _logPriors = logPriors;
        _means = means;
        _variances = variances;
        _logNormalizers = new double[logPriors.Length];
        for (var c = 0; c < logPriors.Length; c++)
        {
            var sum = 0.0;
            for (var j = 0; j < columns; j++)
            {
                sum += Math.Log(2 * Math.PI * variances[(c * columns) + j]);
            }

            _logNormalizers[c] = -0.5 * sum;
        }
    }

    public string Algorithm { get; }

    public TaskKind Task { get; }

    public int OutputWidth => _logPriors.Length;

    /// <summary>Class priors (weighted class frequencies of the training rows).</summary>
    public IReadOnlyList<double> Priors => _logPriors.Select(Math.Exp).ToArray();

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        TrainingDataGuard.CheckRow(features, _columns, output, OutputWidth);
        PredictInto(features, output);
    }

    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        TrainingDataGuard.CheckBatch(features, _columns, output, OutputWidth);
        var width = OutputWidth;
        for (var i = 0; i < features.Rows; i++)
        {
            PredictInto(features.Row(i), output.Slice(i * width, width));
        }
    }

    public void Save(Stream stream)
    {
        using var writer = ModelFormat.OpenWriter(stream);
        ModelFormat.WriteHeader(writer, Algorithm, Task);
        writer.Write(_columns);
        ModelFormat.WriteDoubles(writer, _logPriors);
        ModelFormat.WriteDoubles(writer, _means);
        ModelFormat.WriteDoubles(writer, _variances);
    }

    internal static GaussianNaiveBayesModel Read(Stream stream, string algorithm) =>
        ModelFormat.Read(stream, algorithm, (reader, task) =>
        {
            var columns = ModelFormat.ReadCount(reader, 1);
            var priors = ModelFormat.ReadDoubles(reader);
            var means = ModelFormat.ReadDoubles(reader);
            var variances = ModelFormat.ReadDoubles(reader);
            return priors.Length >= 2 && means.Length == priors.Length * columns && variances.Length == means.Length
                ? new GaussianNaiveBayesModel(algorithm, task, columns, priors, means, variances)
                : throw ModelFormat.Corrupt(algorithm, "its priors, means and variances disagree in size");
        });

    private void PredictInto(ReadOnlySpan<double> features, Span<double> output)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < output.Length; c++)
        {
            var sum = 0.0;
            var offset = c * _columns;
            for (var j = 0; j < _columns; j++)
            {
                var d = features[j] - _means[offset + j];
                sum += d * d / _variances[offset + j];
            }

            output[c] = _logPriors[c] + _logNormalizers[c] - (0.5 * sum);
            max = Math.Max(max, output[c]);
        }

        var total = 0.0;
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = Math.Exp(output[c] - max);
            total += output[c];
        }

        for (var c = 0; c < output.Length; c++)
        {
            output[c] /= total;
        }
    }
}
