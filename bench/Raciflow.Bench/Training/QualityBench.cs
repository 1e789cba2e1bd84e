using System.Diagnostics;
using System.Text;
using Raciflow.Tests.Training;
using Raciflow.Training;
using static Raciflow.Bench.Training.BenchArgs;

namespace Raciflow.Bench.Training;

/// <summary>
/// Trains the whole catalog (default settings plus TPE tuning) on the shared sample data with an 80/20 split and
/// writes each algorithm's test score beside the scikit-learn reference level to bench/results/quality.md. The
/// reference is the best score of scikit-learn 1.2 (one-hot + scaling, 80/20 split) quoted in the project brief;
/// scikit-learn cannot be installed here, so per-family figures are not available.
/// Usage: quality [--trials N] [--data DIR] [--out FILE].
/// </summary>
internal static class QualityBench
{
    private static readonly (string File, string Target, string Metric, string SkLearnBest)[] DataSets =
    [
        ("penguins.csv", "species", "f1_macro", "0.98–1.00"),
        ("seattle-weather.csv", "weather", "accuracy", "0.82"),
    ];

    public static int Run(string[] args)
    {
        var trials = Int(args, "--trials", 20);
        var data = Option(args, "--data") ?? Path.Combine("..", "shared", "data");
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "quality.md");
        var md = new StringBuilder("# Training quality\n\n");
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- quality --trials {trials}`: the full default catalog, default hyperparameters as trial 0 then TPE with median stopping, {trials} trials per algorithm, 5-fold (stratified) cross-validation on the training rows, 80/20 train/test split (seed 42). Scores are on the 20 % test rows, which training never sees."));
        md.AppendLine();
        md.AppendLine("scikit-learn column: the best score over scikit-learn 1.2's algorithm families (one-hot + scaling, 80/20 split) as given in the project brief. It is one figure per data set, not per family: scikit-learn could not be installed on the measuring machine (no package index access), so per-family figures were not produced. Its split draws different rows, so compare levels, not the third decimal.");
        md.AppendLine();
        foreach (var (file, target, metric, skLearnBest) in DataSets)
        {
            var frame = CsvFrames.Load(Path.Combine(data, file));
            var request = new TrainingRequest { Target = target, Trials = trials, Seed = 42, PrimaryMetric = metric };
            var watch = Stopwatch.StartNew();
            var result = new ModelTrainer(AlgorithmCatalog.CreateDefault(), TimeProvider.System)
                .TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 42), request).GetAwaiter().GetResult();
            Console.WriteLine(Invariant($"{file}: {watch.Elapsed.TotalSeconds:F1} s"));
            md.AppendLine(Invariant($"## {file}: `{target}` ({result.Task.ToString().ToLowerInvariant()}), test {metric}")).AppendLine();
            md.AppendLine(Invariant($"| algorithm | Raciflow test {metric} | test macro-F1 | test accuracy | CV {metric} | scikit-learn best ({metric}) | best hyperparameters |"));
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var r in result.Leaderboard.OrderByDescending(r => r.TestMetrics[metric]))
            {
                md.AppendLine(Invariant($"| {r.Algorithm} | {r.TestMetrics[metric]:F3} | {r.TestMetrics["f1_macro"]:F3} | {r.TestMetrics["accuracy"]:F3} | {r.CvScore:F3} | {skLearnBest} | {r.BestHyperparameters} |"));
                Console.WriteLine(Invariant($"  {r.Algorithm,-20} {r.TestMetrics[metric]:F3}"));
            }

            md.AppendLine();
            md.AppendLine(Invariant($"Best Raciflow: {result.Leaderboard.Max(r => r.TestMetrics[metric]):F3}; best scikit-learn: {skLearnBest}. Wall time for the data set: {watch.Elapsed.TotalSeconds:F0} s (shared machine)."));
            md.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, md.ToString());
        return 0;
    }
}
