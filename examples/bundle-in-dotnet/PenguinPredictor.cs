using System.Globalization;
using Raciflow.Training;

namespace BundleInDotnet;

/// <summary>Everything a .NET program needs to predict with a Raciflow bundle: load it once, predict per row.</summary>
public static class PenguinPredictor
{
    public static void Run(string bundlePath, IReadOnlyList<Dictionary<string, object?>> rows, TextWriter output)
    {
        // Load once (thread-safe afterwards): the bundle holds the fitted preprocessing and the model.
        using var file = File.OpenRead(bundlePath);
        var bundle = ModelBundle.Load(file, AlgorithmCatalog.CreateDefault());

        foreach (var row in rows)
        {
            // Raw values by column name, as a server receives them; null or a missing key is a missing value.
            var prediction = bundle.PredictRow(row);
            output.WriteLine(prediction.Value is { } value
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : $"{prediction.Label} {string.Join(' ', prediction.Probabilities!.Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"))}");
        }
    }
}
