using System.Globalization;
using BundleInDotnet;
using Raciflow.Tests.Packaging;
using Raciflow.Training;

namespace Raciflow.Tests.Examples;

/// <summary>The examples/bundle-in-dotnet sample prints, for a saved bundle, exactly the numbers of ModelBundle.Predict.</summary>
public sealed class BundleInDotnetTests
{
    [Theory]
    [InlineData("species", TaskKind.Multiclass, "random-forest")]
    [InlineData("body_mass_g", TaskKind.Regression, "lasso")]
    public void TheSamplePrintsTheBundlesPredictions(string target, TaskKind task, string algorithm)
    {
        var frame = PackagingFrames.TrainingRows(target);
        var bundle = BundleFactory.Train(frame, target, algorithm, task);
        var path = Path.Combine(Path.GetTempPath(), $"raciflow-sample-{Guid.NewGuid():N}.zip");
        try
        {
            using (var file = File.Create(path))
            {
                bundle.Save(file);
            }

            var rows = Enumerable.Range(0, 5).Select(r => bundle.InputSchema.ToDictionary(c => c.Name, c => (object?)frame[c.Name].Format(r))).ToList();
            rows[1]["island"] = "Atlantis";
            rows[2]["beak_length_mm"] = null;
            using var printed = new StringWriter();

            PenguinPredictor.Run(path, rows, printed);

            var expected = bundle.Predict(frame.Take([0, 1, 2, 3, 4]).WithRow1IslandAndRow2Beak()).Select(Describe);
            Assert.Equal(expected, printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Describe(ModelPrediction p) => p.Value is { } v
        ? v.ToString("R", CultureInfo.InvariantCulture)
        : $"{p.Label} {string.Join(' ', p.Probabilities!.Select(kv => $"{kv.Key}={kv.Value.ToString("R", CultureInfo.InvariantCulture)}"))}";
}
