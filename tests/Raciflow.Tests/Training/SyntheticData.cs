using Raciflow.Training;

namespace Raciflow.Tests.Training;

/// <summary>Small learnable problems with known structure, for algorithm tests.</summary>
internal static class SyntheticData
{
    /// <summary>y = 3·x0 − 2·x1 + x2² + small noise, x ~ U(−1, 1).</summary>
    public static TrainingData Regression(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var x = new double[rows * 3];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                x[(r * 3) + c] = (random.NextDouble() * 2) - 1;
            }

            y[r] = (3 * x[r * 3]) - (2 * x[(r * 3) + 1]) + (x[(r * 3) + 2] * x[(r * 3) + 2]) + (0.05 * (random.NextDouble() - 0.5));
        }

        return new TrainingData(new FeatureMatrix(x, rows, 3, ["x0", "x1", "x2"]), y, TaskKind.Regression, 0);
    }

    /// <summary>Classes by which of <paramref name="classes"/> centres on a circle a point lies nearest; points are well separated.</summary>
    public static TrainingData Classification(int rows, int classes, int seed = 1)
    {
        var random = new Random(seed);
        var x = new double[rows * 2];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var k = r % classes;
            var angle = 2 * Math.PI * k / classes;
            x[r * 2] = (3 * Math.Cos(angle)) + ((random.NextDouble() - 0.5) * 1.2);
            x[(r * 2) + 1] = (3 * Math.Sin(angle)) + ((random.NextDouble() - 0.5) * 1.2);
            y[r] = k;
        }

        return new TrainingData(new FeatureMatrix(x, rows, 2, ["x0", "x1"]), y, classes == 2 ? TaskKind.Binary : TaskKind.Multiclass, classes);
    }
}
