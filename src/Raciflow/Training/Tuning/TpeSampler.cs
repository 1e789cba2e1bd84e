namespace Raciflow.Training.Tuning;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al., 2011), one parameter at a time: a Gaussian kernel density
/// l(x) over the good trials and g(x) over the rest, each mixed with a uniform prior; of
/// <see cref="Candidates"/> draws from l, the one with the largest l(x)/g(x) wins. Choices use smoothed counts.
/// </summary>
internal sealed class TpeSampler : ISampler
{
    public const int Candidates = 24;

    public double Sample(Hyperparameter parameter, IReadOnlyList<double> good, IReadOnlyList<double> bad, Random random)
    {
        if (parameter.Kind == HyperparameterKind.Choice)
        {
            return SampleChoice(parameter.Choices.Count, good, bad, random);
        }

        var hGood = Bandwidth(good);
        var hBad = Bandwidth(bad);
        var best = random.NextDouble();
        var bestRatio = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            var x = DrawFromMixture(good, hGood, random);
            var ratio = Density(x, good, hGood) / Density(x, bad, hBad);
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = x;
            }
        }

        return best;
    }

    /// <summary>Mixture density: a kernel per observation plus one uniform prior component on [0, 1].</summary>
    internal static double Density(double x, IReadOnlyList<double> points, double h)
    {
        var sum = 1.0;
        foreach (var p in points)
        {
            var z = (x - p) / h;
            sum += Math.Exp(-0.5 * z * z) / (h * Math.Sqrt(2 * Math.PI));
        }

        return sum / (points.Count + 1);
    }

    /// <summary>Scott's rule, kept between 0.05 and 0.5 of the unit range.</summary>
    internal static double Bandwidth(IReadOnlyList<double> points)
    {
        if (points.Count < 2)
        {
            return 0.25;
        }

        var mean = points.Average();
        var sd = Math.Sqrt(points.Sum(p => (p - mean) * (p - mean)) / (points.Count - 1));
        return Math.Clamp(1.06 * sd * Math.Pow(points.Count, -0.2), 0.05, 0.5);
    }

    private static double DrawFromMixture(IReadOnlyList<double> points, double h, Random random)
    {
        var component = random.Next(points.Count + 1);
        if (component == points.Count)
        {
            return random.NextDouble();
        }

        // Box-Muller; reflected into [0, 1] so mass near an edge stays near it.
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = points[component] + (h * z);
        x = x < 0 ? -x : x;
        x = x > 1 ? 2 - x : x;
        return Math.Clamp(x, 0, 1);
    }

    private static double SampleChoice(int k, IReadOnlyList<double> good, IReadOnlyList<double> bad, Random random)
    {
        var goodCounts = Counts(k, good);
        var badCounts = Counts(k, bad);
        var best = 0;
        var bestRatio = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            var draw = random.NextDouble() * goodCounts.Sum();
            var i = 0;
            for (; i < k - 1 && draw >= goodCounts[i]; i++)
            {
                draw -= goodCounts[i];
            }

            var ratio = (goodCounts[i] / goodCounts.Sum()) / (badCounts[i] / badCounts.Sum());
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = i;
            }
        }

        return (best + 0.5) / k;
    }

    private static double[] Counts(int k, IReadOnlyList<double> units)
    {
        var counts = Enumerable.Repeat(1.0, k).ToArray();
        foreach (var u in units)
        {
            counts[Math.Min((int)(u * k), k - 1)]++;
        }

        return counts;
    }
}
