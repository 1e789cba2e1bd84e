namespace Raciflow.Training.Algorithms;

/// <summary>
/// Checks what an algorithm is given before fitting. The orchestrator validates user input earlier; this guards
/// the core against programming errors with messages that say which row, feature or label is wrong.
/// </summary>
internal static class TrainingDataGuard
{
    public static void Check(TrainingData data, IAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!algorithm.Tasks.Contains(data.Task))
        {
            throw RaciflowException.Invalid($"Algorithm '{algorithm.Name}' does not support {data.Task.ToString().ToLowerInvariant()}.", algorithm.Name);
        }

        var x = data.Features;
        if (x.Rows == 0 || x.Columns == 0)
        {
            throw RaciflowException.Invalid($"Algorithm '{algorithm.Name}' needs at least one row and one feature; got {x.Rows} rows and {x.Columns} features.", "features");
        }

        CheckFeatures(x);
        CheckLabels(data);
        CheckWeights(data);
    }

    private static void CheckFeatures(FeatureMatrix x)
    {
        var values = x.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var name = x.FeatureNames[i % x.Columns];
                throw RaciflowException.Invalid($"Feature '{name}' is {values[i]} at row {(i / x.Columns) + 1}; impute or drop missing values before training.", name);
            }
        }
    }

    private static void CheckLabels(TrainingData data)
    {
        if (data.Labels.Length != data.Rows)
        {
            throw RaciflowException.Invalid($"There are {data.Labels.Length} labels for {data.Rows} rows.", "labels");
        }

        if (data.Task != TaskKind.Regression && data.ClassCount < 2)
        {
            throw RaciflowException.Invalid($"Classification needs at least 2 classes; got {data.ClassCount}.", "labels");
        }

        if (data.Task == TaskKind.Binary && data.ClassCount != 2)
        {
            throw RaciflowException.Invalid($"Binary classification has 2 classes; got {data.ClassCount}.", "labels");
        }

        for (var i = 0; i < data.Labels.Length; i++)
        {
            var y = data.Labels[i];
            var bad = data.Task == TaskKind.Regression
                ? !double.IsFinite(y)
                : y < 0 || y >= data.ClassCount || y != Math.Floor(y);
            if (bad)
            {
                var expected = data.Task == TaskKind.Regression ? "a finite number" : $"a class index 0..{data.ClassCount - 1}";
                throw RaciflowException.Invalid($"Label at row {i + 1} is {y}; expected {expected}.", "labels");
            }
        }
    }

    private static void CheckWeights(TrainingData data)
    {
        if (data.Weights is not { } weights)
        {
            return;
        }

        if (weights.Length != data.Rows)
        {
            throw RaciflowException.Invalid($"There are {weights.Length} weights for {data.Rows} rows.", "weights");
        }

        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw RaciflowException.Invalid($"Weight at row {i + 1} is {weights[i]}; weights must be finite and not negative.", "weights");
            }

            total += weights[i];
        }

        if (total <= 0)
        {
            throw RaciflowException.Invalid("All row weights are zero.", "weights");
        }
    }

    /// <summary>The row weights, or ones when none are given.</summary>
    public static double[] WeightsOrOnes(TrainingData data)
    {
        if (data.Weights is { } w)
        {
            return w;
        }

        var ones = new double[data.Rows];
        Array.Fill(ones, 1.0);
        return ones;
    }

    public static void CheckRow(ReadOnlySpan<double> features, int columns, Span<double> output, int outputWidth)
    {
        if (features.Length != columns)
        {
            throw new ArgumentException($"The model takes {columns} features; got {features.Length}.", nameof(features));
        }

        if (output.Length != outputWidth)
        {
            throw new ArgumentException($"The model writes {outputWidth} outputs; the buffer holds {output.Length}.", nameof(output));
        }
    }

    public static void CheckBatch(FeatureMatrix features, int columns, Span<double> output, int outputWidth)
    {
        if (features.Columns != columns)
        {
            throw new ArgumentException($"The model takes {columns} features; got {features.Columns}.", nameof(features));
        }

        if (output.Length != features.Rows * outputWidth)
        {
            throw new ArgumentException($"{features.Rows} rows need an output of {features.Rows * outputWidth}; the buffer holds {output.Length}.", nameof(output));
        }
    }
}
