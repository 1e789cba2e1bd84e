using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Raciflow.Data;
using Raciflow.Tests.Training;
using Raciflow.Training;
using static Raciflow.Bench.Training.BenchArgs;

namespace Raciflow.Bench.Training;

/// <summary>
/// Trains the whole catalog (default settings plus TPE tuning) on the shared sample data with an 80/20 split and
/// writes each algorithm's test score beside scikit-learn's for the same family (from
/// bench/results/sklearn-reference.json, made by bench/sklearn/reference.py) to bench/results/quality.md.
/// Usage: quality [--trials N] [--data DIR] [--out FILE].
/// </summary>
internal static class QualityBench
{
    private static readonly (string File, string Target, string Metric)[] DataSets =
    [
        ("penguins.csv", "species", "f1_macro"),
        ("seattle-weather.csv", "weather", "accuracy"),
    ];

    public static int Run(string[] args)
    {
        var trials = Int(args, "--trials", 20);
        var data = Option(args, "--data") ?? Path.Combine("..", "shared", "data");
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "quality.md");
        var reference = LoadReference(Path.Combine(Path.GetDirectoryName(output)!, "sklearn-reference.json"));
        var md = new StringBuilder("# Training quality\n\n");
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- quality --trials {trials}`: the full default catalog, default hyperparameters as trial 0 then TPE with median stopping, {trials} trials per algorithm, 5-fold (stratified) cross-validation on the training rows, 80/20 train/test split (seed 42). Scores are on the 20 % test rows, which training never sees."));
        md.AppendLine();
        md.AppendLine("scikit-learn column: `bench/sklearn/reference.py` (scikit-learn with one-hot + standard scaling, date → parts, `train_test_split(test_size=0.2, random_state=42)`, small grid search with 5-fold CV). Its split draws different rows, so compare the levels, not the third decimal.");
        md.AppendLine();
        foreach (var (file, target, metric) in DataSets)
        {
            var frame = CsvFrames.Load(Path.Combine(data, file));
            var request = new TrainingRequest { Target = target, Trials = trials, Seed = 42, PrimaryMetric = metric };
            var watch = Stopwatch.StartNew();
            var result = new ModelTrainer(AlgorithmCatalog.CreateDefault(), TimeProvider.System)
                .TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 42), request).GetAwaiter().GetResult();
            Console.WriteLine(Invariant($"{file}: {watch.Elapsed.TotalSeconds:F1} s"));
            md.AppendLine(Invariant($"## {file}: `{target}` ({result.Task.ToString().ToLowerInvariant()}), test {metric}")).AppendLine();
            md.AppendLine(Invariant($"| algorithm | Raciflow test {metric} | test macro-F1 | test accuracy | CV {metric} | scikit-learn ({metric}) | best hyperparameters |"));
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var r in result.Leaderboard.OrderByDescending(r => r.TestMetrics[metric]))
            {
                var sk = reference.TryGetValue($"{file}/{r.Algorithm}", out var v) ? Invariant($"{v:F3}") : "–";
                md.AppendLine(Invariant($"| {r.Algorithm} | {r.TestMetrics[metric]:F3} | {r.TestMetrics["f1_macro"]:F3} | {r.TestMetrics["accuracy"]:F3} | {r.CvScore:F3} | {sk} | {r.BestHyperparameters} |"));
                Console.WriteLine(Invariant($"  {r.Algorithm,-20} {r.TestMetrics[metric]:F3}  (sklearn {sk})"));
            }

            var best = reference.Where(kv => kv.Key.StartsWith(file + "/", StringComparison.Ordinal)).Select(kv => kv.Value).DefaultIfEmpty(double.NaN).Max();
            md.AppendLine();
            md.AppendLine(Invariant($"Best Raciflow: {result.Leaderboard.Max(r => r.TestMetrics[metric]):F3}; best scikit-learn: {best:F3}. Wall time for the data set: {watch.Elapsed.TotalSeconds:F0} s."));
            md.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, md.ToString());
        return 0;
    }

    private static Dictionary<string, double> LoadReference(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? [] : [];
}
