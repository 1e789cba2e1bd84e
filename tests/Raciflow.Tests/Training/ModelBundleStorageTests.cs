using Raciflow.Tests.Support;
using Raciflow.Training;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training;

/// <summary>
/// A trained bundle and its charts stored as run artifacts (disk or S3) load back whole, predicting the same
/// numbers; S3 returns a non-seekable network stream, so this also checks the bundle reader never needs to seek.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class ModelBundleStorageTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task BundlesAndChartsRoundTripThroughTheArtifactStore(StoreKind kind)
    {
        using var workspace = await TestWorkspace.CreateAsync(kind);
        var store = workspace.Workspace.Artifacts;
        var frame = CsvFrames.Load(RepositoryPaths.TestData("penguins.csv"));
        var request = new TrainingRequest { Target = "species", Algorithms = ["lightgbm", "random-forest"], Folds = 3 };
        var result = await new ModelTrainer(AlgorithmCatalog.CreateDefault(), workspace.Workspace.Clock)
            .TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0.2, 0.2, 5), request);

        foreach (var entry in result.Leaderboard)
        {
            var key = $"runs/test/{entry.Algorithm}/model.zip";
            using (var buffer = new MemoryStream())
            {
                entry.Bundle.Save(buffer);
                buffer.Position = 0;
                await store.PutAsync(key, buffer);
            }

            await using var read = await store.OpenReadAsync(key);
            var loaded = ModelBundle.Load(read, AlgorithmCatalog.CreateDefault());
            Assert.Equal(entry.Bundle.PredictRaw(frame), loaded.PredictRaw(frame));
        }

        var test = result.Best.TestMetrics;
        Assert.True(test["accuracy"] > 0.9);
        var chart = EvaluationPlots.ConfusionMatrix([[3, 0], [1, 4]], ["a", "b"]);
        await store.PutAsync("runs/test/" + chart.Name, new MemoryStream(chart.Content));
        await using var chartRead = await store.OpenReadAsync("runs/test/" + chart.Name);
        using var copy = new MemoryStream();
        await chartRead.CopyToAsync(copy);
        Assert.Equal(chart.Content, copy.ToArray());
    }
}
