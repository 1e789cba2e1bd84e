using System.Globalization;
using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Training.Algorithms;

/// <summary>
/// The shared penguins sample as a species classification problem: the four body measurements, standardised,
/// rows with missing measurements dropped (a test-only stand-in for the real preprocessing).
/// </summary>
internal static class PenguinData
{
    /// <summary>Every other row for training, the rest for testing, so both halves hold every species.</summary>
    public static (TrainingData Train, TrainingData Test) Split()
    {
        var lines = File.ReadAllLines(RepositoryPaths.TestData("penguins.csv")).Skip(1);
        var rows = new List<double[]>();
        var species = new List<string>();
        foreach (var line in lines)
        {
            var cells = line.Split(',');
            if (cells[2..6].Any(string.IsNullOrEmpty) || cells[2..6].Any(c => c == "NA"))
            {
                continue;
            }

            rows.Add(cells[2..6].Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
            species.Add(cells[0]);
        }

        var names = species.Distinct().Order(StringComparer.Ordinal).ToList();
        var values = Standardise(rows);
        var labels = species.Select(s => (double)names.IndexOf(s)).ToArray();
        var all = new TrainingData(new FeatureMatrix(values, rows.Count, 4, ["beak_length", "beak_depth", "flipper_length", "body_mass"]), labels, TaskKind.Multiclass, names.Count);
        var train = Enumerable.Range(0, rows.Count).Where(i => i % 2 == 0).ToArray();
        var test = Enumerable.Range(0, rows.Count).Where(i => i % 2 == 1).ToArray();
        return (all.Take(train), all.Take(test));
    }

    private static double[] Standardise(List<double[]> rows)
    {
        var values = new double[rows.Count * 4];
        for (var j = 0; j < 4; j++)
        {
            var mean = rows.Average(r => r[j]);
            var sd = Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            for (var i = 0; i < rows.Count; i++)
            {
                values[(i * 4) + j] = (rows[i][j] - mean) / sd;
            }
        }

        return values;
    }
}
