namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted SAMME ensemble. Class scores are the α-weighted votes of the trees divided by Σα; probabilities are
/// softmax(score/(K − 1)), scikit-learn's predict_proba for SAMME.
/// </summary>
public sealed class AdaBoostClassificationModel : ITrainedModel
{
    private readonly int _columns;
    private readonly CartTree[] _trees;
    private readonly double[] _alphas;
    private readonly double _alphaTotal;

    internal AdaBoostClassificationModel(string algorithm, TaskKind task, int columns, int classCount, CartTree[] trees, double[] alphas)
    {
        Algorithm = algorithm;
        Task = task;
        OutputWidth = classCount;
        _columns = columns;
        _trees = trees;
        _alphas = alphas;
        _alphaTotal = alphas.Sum();
    }

    public string Algorithm { get; }

    public TaskKind Task { get; }

    public int OutputWidth { get; }

    public int EstimatorCount => _trees.Length;

    /// <summary>Each tree's α in fitting order.</summary>
    public IReadOnlyList<double> EstimatorWeights => _alphas;

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
        writer.Write(OutputWidth);
        ModelFormat.WriteDoubles(writer, _alphas);
        foreach (var tree in _trees)
        {
            tree.Write(writer);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote after the header.</summary>
    internal static AdaBoostClassificationModel ReadBody(BinaryReader reader, string algorithm, TaskKind task)
    {
        var columns = ModelFormat.ReadCount(reader, 1);
        var classes = ModelFormat.ReadCount(reader, 2);
        var alphas = ModelFormat.ReadDoubles(reader);
        var trees = new CartTree[alphas.Length];
        for (var m = 0; m < trees.Length; m++)
        {
            trees[m] = CartTree.Read(reader, algorithm);
        }

        return trees.Length > 0 && trees.All(t => t.Width == classes && t.FitsColumns(columns))
            ? new AdaBoostClassificationModel(algorithm, task, columns, classes, trees, alphas)
            : throw ModelFormat.Corrupt(algorithm, "its trees do not match a classification ensemble");
    }

    private void PredictInto(ReadOnlySpan<double> features, Span<double> output)
    {
        output.Clear();
        for (var m = 0; m < _trees.Length; m++)
        {
            output[_trees[m].PredictClass(features)] += _alphas[m];
        }

        var max = double.NegativeInfinity;
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = output[c] / _alphaTotal / (OutputWidth - 1);
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
