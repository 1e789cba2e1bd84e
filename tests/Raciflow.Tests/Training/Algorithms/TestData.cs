using Raciflow.Training;
using Raciflow.Training.Tuning;

namespace Raciflow.Tests.Training.Algorithms;

/// <summary>Tiny builders for training data, hyperparameters and predictions in the algorithm tests.</summary>
internal static class TestData
{
    public static FeatureMatrix Matrix(double[,] x)
    {
        var rows = x.GetLength(0);
        var columns = x.GetLength(1);
        var values = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[(i * columns) + j] = x[i, j];
            }
        }

        return new FeatureMatrix(values, rows, columns, Enumerable.Range(0, columns).Select(j => $"x{j}").ToArray());
    }

    /// <summary>A one-feature matrix.</summary>
    public static FeatureMatrix Column(params double[] x)
    {
        var m = new double[x.Length, 1];
        for (var i = 0; i < x.Length; i++)
        {
            m[i, 0] = x[i];
        }

        return Matrix(m);
    }

    public static TrainingData Regression(FeatureMatrix x, double[] y, double[]? weights = null) =>
        new(x, y, TaskKind.Regression, 0, weights);

    public static TrainingData Classification(FeatureMatrix x, int[] y, int classes, double[]? weights = null) =>
        new(x, y.Select(v => (double)v).ToArray(), classes == 2 ? TaskKind.Binary : TaskKind.Multiclass, classes, weights);

    /// <summary>
    /// A learnable problem with Gaussian features: regression y = 3x₀ − 2x₁ + 0.5x₂ + N(0, 0.1²) (x₃ irrelevant);
    /// binary: x₀ + x₁ > 0; multiclass: which of x₀, x₁, −x₀ − x₁ is largest.
    /// </summary>
    public static TrainingData Synthetic(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        const int columns = 4;
        var values = new double[rows * columns];
        var labels = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[(i * columns) + j] = Gaussian(random);
            }

            var x0 = values[i * columns];
            var x1 = values[(i * columns) + 1];
            var x2 = values[(i * columns) + 2];
            labels[i] = task switch
            {
                TaskKind.Regression => (3 * x0) - (2 * x1) + (0.5 * x2) + (0.1 * Gaussian(random)),
                TaskKind.Binary => x0 + x1 > 0 ? 1 : 0,
                _ => ArgMax(x0, x1, -x0 - x1),
            };
        }

        var matrix = new FeatureMatrix(values, rows, columns, ["x0", "x1", "x2", "x3"]);
        return new TrainingData(matrix, labels, task, task switch { TaskKind.Regression => 0, TaskKind.Binary => 2, _ => 3 });
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static Hyperparameters Defaults(IAlgorithm algorithm, TaskKind task) => algorithm.SearchSpace(task).Defaults();

    public static Hyperparameters With(IAlgorithm algorithm, TaskKind task, params (string Name, object Value)[] values) =>
        algorithm.SearchSpace(task).Validate(values.ToDictionary(v => v.Name, v => v.Value), algorithm.Name);

    public static double[] PredictBatch(ITrainedModel model, FeatureMatrix x)
    {
        var output = new double[x.Rows * model.OutputWidth];
        model.PredictBatch(x, output);
        return output;
    }

    public static double[] PredictEachRow(ITrainedModel model, FeatureMatrix x)
    {
        var output = new double[x.Rows * model.OutputWidth];
        for (var i = 0; i < x.Rows; i++)
        {
            model.Predict(x.Row(i), output.AsSpan(i * model.OutputWidth, model.OutputWidth));
        }

        return output;
    }

    public static double[] Predict(ITrainedModel model, params double[] row)
    {
        var output = new double[model.OutputWidth];
        model.Predict(row, output);
        return output;
    }

    public static double Accuracy(ITrainedModel model, TrainingData data)
    {
        var p = PredictBatch(model, data.Features);
        var width = model.OutputWidth;
        var right = 0;
        for (var i = 0; i < data.Rows; i++)
        {
            right += ArgMax(p.AsSpan(i * width, width)) == (int)data.Labels[i] ? 1 : 0;
        }

        return (double)right / data.Rows;
    }

    public static double RSquared(ITrainedModel model, TrainingData data)
    {
        var p = PredictBatch(model, data.Features);
        var mean = data.Labels.Average();
        var residual = data.Labels.Select((y, i) => (y - p[i]) * (y - p[i])).Sum();
        var total = data.Labels.Sum(y => (y - mean) * (y - mean));
        return 1 - (residual / total);
    }

    public static byte[] Save(ITrainedModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    public static ITrainedModel Load(IAlgorithm algorithm, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return algorithm.Load(stream);
    }

    private static int ArgMax(params ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return best;
    }
}
