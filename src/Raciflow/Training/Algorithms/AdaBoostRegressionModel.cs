namespace Raciflow.Training.Algorithms;

/// <summary>A fitted AdaBoost.R2 ensemble: the prediction is the weighted median of the trees' predictions.</summary>
public sealed class AdaBoostRegressionModel : ITrainedModel
{
    private readonly int _columns;
    private readonly CartTree[] _trees;
    private readonly double[] _weights;

    internal AdaBoostRegressionModel(string algorithm, int columns, CartTree[] trees, double[] weights)
    {
        Algorithm = algorithm;
        _columns = columns;
        _trees = trees;
        _weights = weights;
    }

    public string Algorithm { get; }

    public TaskKind Task => TaskKind.Regression;

    public int OutputWidth => 1;

    public int EstimatorCount => _trees.Length;

    /// <summary>Each tree's say, learning_rate·log(1/β), in fitting order.</summary>
    public IReadOnlyList<double> EstimatorWeights => _weights;

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        TrainingDataGuard.CheckRow(features, _columns, output, 1);
        output[0] = WeightedMedian(features, new double[_trees.Length], new double[_trees.Length]);
    }

    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        TrainingDataGuard.CheckBatch(features, _columns, output, 1);
        var predictions = new double[_trees.Length];
        var weights = new double[_trees.Length];
        for (var i = 0; i < features.Rows; i++)
        {
            output[i] = WeightedMedian(features.Row(i), predictions, weights);
        }
    }

    public void Save(Stream stream)
    {
        using var writer = ModelFormat.OpenWriter(stream);
        ModelFormat.WriteHeader(writer, Algorithm, Task);
        writer.Write(_columns);
        ModelFormat.WriteDoubles(writer, _weights);
        foreach (var tree in _trees)
        {
            tree.Write(writer);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote after the header.</summary>
    internal static AdaBoostRegressionModel ReadBody(BinaryReader reader, string algorithm)
    {
        var columns = ModelFormat.ReadCount(reader, 1);
        var weights = ModelFormat.ReadDoubles(reader);
        var trees = new CartTree[weights.Length];
        for (var m = 0; m < trees.Length; m++)
        {
            trees[m] = CartTree.Read(reader, algorithm);
        }

        return trees.Length > 0 && trees.All(t => t.Width == 1 && t.FitsColumns(columns))
            ? new AdaBoostRegressionModel(algorithm, columns, trees, weights)
            : throw ModelFormat.Corrupt(algorithm, "its trees do not match a regression ensemble");
    }

    /// <summary>
    /// The smallest tree prediction whose cumulative weight reaches half the total (scikit-learn's _get_median_predict).
    /// Equal predictions are interchangeable, so the unstable sort cannot change the answer.
    /// </summary>
    private double WeightedMedian(ReadOnlySpan<double> row, double[] predictions, double[] weights)
    {
        for (var m = 0; m < _trees.Length; m++)
        {
            predictions[m] = _trees[m].Leaf(row)[0];
            weights[m] = _weights[m];
        }

        Array.Sort(predictions, weights);
        var half = 0.5 * _weights.Sum();
        var cumulative = 0.0;
        for (var m = 0; m < predictions.Length; m++)
        {
            cumulative += weights[m];
            if (cumulative >= half)
            {
                return predictions[m];
            }
        }

        return predictions[^1];
    }
}
