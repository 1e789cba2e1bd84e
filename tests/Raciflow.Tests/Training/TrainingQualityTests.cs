using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Training;

/// <summary>
/// Quality bars from the brief: as good as scikit-learn's same algorithm families on the shared data, with an
/// 80/20 split. A reduced trial budget keeps the tests quick; bench "quality" runs the full catalog.
/// </summary>
public sealed class TrainingQualityTests
{
    [Fact]
    public async Task PenguinSpeciesReachMacroF1OfAtLeast097()
    {
        var frame = CsvFrames.Load(RepositoryPaths.TestData("penguins.csv"));
        var request = new TrainingRequest { Target = "species", Algorithms = ["logistic-regression", "lightgbm"], Trials = 4, Folds = 3, Seed = 42 };
        var result = await new ModelTrainer(AlgorithmCatalog.CreateDefault(), TimeProvider.System).TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 42), request);
        var best = result.Leaderboard.Max(r => r.TestMetrics["f1_macro"]);
        Assert.True(best >= 0.97, $"best test macro-F1 {best}");
    }

    [Fact]
    public async Task SeattleWeatherReachesAccuracyOfAtLeast078()
    {
        var frame = CsvFrames.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var request = new TrainingRequest { Target = "weather", Algorithms = ["lightgbm", "random-forest"], Trials = 4, Folds = 3, Seed = 42, PrimaryMetric = "accuracy" };
        var result = await new ModelTrainer(AlgorithmCatalog.CreateDefault(), TimeProvider.System).TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 42), request);
        var best = result.Leaderboard.Max(r => r.TestMetrics["accuracy"]);
        Assert.True(best >= 0.78, $"best test accuracy {best}");
    }
}
