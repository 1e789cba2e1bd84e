using Raciflow.Tests.Support;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

/// <summary>
/// Fitted models saved into a workspace's artifact store (disk or S3) load back with identical predictions; S3
/// hands back a network stream, so this also checks the readers never rely on seeking.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class TrainedModelStorageTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task EveryAlgorithmsModelRoundTripsThroughTheArtifactStore(StoreKind kind)
    {
        using var workspace = await TestWorkspace.CreateAsync(kind);
        var store = workspace.Workspace.Artifacts;
        foreach (var algorithm in HandWrittenAlgorithms.All())
        {
            foreach (var task in algorithm.Tasks)
            {
                var data = TestData.Synthetic(task, 50, seed: 9);
                var model = algorithm.Fit(data, TestData.Defaults(algorithm, task), seed: 9);
                var key = $"models/{algorithm.Name}/{task.ToString().ToLowerInvariant()}.bin";

                await store.PutAsync(key, new MemoryStream(TestData.Save(model)));
                await using var read = await store.OpenReadAsync(key);
                var loaded = algorithm.Load(read);

                Assert.Equal(TestData.PredictBatch(model, data.Features), TestData.PredictBatch(loaded, data.Features));
            }
        }
    }
}
