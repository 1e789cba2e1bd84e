namespace Raciflow.Training;

/// <summary>
/// What an algorithm fits on: features, labels (the value for regression; the class index 0..K-1 for
/// classification) and optional row weights.
/// </summary>
public sealed record TrainingData(FeatureMatrix Features, double[] Labels, TaskKind Task, int ClassCount, double[]? Weights = null)
{
    public int Rows => Features.Rows;

    /// <summary>Width of a prediction: 1 for regression, else one probability per class.</summary>
    public int OutputWidth => Task == TaskKind.Regression ? 1 : ClassCount;

    public TrainingData Take(IReadOnlyList<int> rows)
    {
        var labels = new double[rows.Count];
        double[]? weights = Weights is null ? null : new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            labels[i] = Labels[rows[i]];
            if (weights is not null)
            {
                weights[i] = Weights![rows[i]];
            }
        }

        return this with { Features = Features.Take(rows), Labels = labels, Weights = weights };
    }
}
