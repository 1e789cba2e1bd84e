using Microsoft.ML.Data;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class CompiledForestRegressionTests
{
    [Theory]
    [InlineData(100, 32)]
    [InlineData(7, 4)]
    public void AForestScoredFromItsTreesGivesMlNetsNumbersExactly(int trees, int leaves)
    {
        var data = SyntheticData.Regression(2000, seed: 3);
        var hyperparameters = new Raciflow.Training.Tuning.Hyperparameters(new Dictionary<string, object>
        {
            ["trees"] = trees, ["leaves"] = leaves, ["min_leaf"] = 2, ["feature_fraction"] = 0.7,
        });
        var model = (MlNetModel)new RandomForestAlgorithm().Fit(data, hyperparameters, seed: 5);
        Assert.NotNull(CompiledForestRegression.TryCreate(model.Transformer, model.FeatureCount));

        // Rows beyond the training range too, so every branch of the trees is taken, including the extremes.
        var probe = SyntheticData.Regression(3000, seed: 11).Features;
        for (var i = 0; i < probe.Values.Length; i += 17)
        {
            probe.Values[i] *= 4;
        }

        var expected = MlNetScores(model, probe);
        var batch = new double[probe.Rows];
        model.PredictBatch(probe, batch);
        var one = new double[1];
        for (var r = 0; r < probe.Rows; r++)
        {
            Assert.Equal(expected[r], batch[r]);
            model.Predict(probe.Row(r), one);
            Assert.Equal(expected[r], one[0]);
        }
    }

    [Fact]
    public void ARowWithANaNFeatureIsLeftToMlNet()
    {
        var data = SyntheticData.Regression(500, seed: 3);
        var model = (MlNetModel)new RandomForestAlgorithm().Fit(data, new RandomForestAlgorithm().SearchSpace(TaskKind.Regression).Defaults(), seed: 5);
        var probe = new FeatureMatrix([double.NaN, 0.5, -0.5, 0.2, double.NaN, 0.1], 2, 3, ["x0", "x1", "x2"]);

        var batch = new double[2];
        model.PredictBatch(probe, batch);

        Assert.Equal(MlNetScores(model, probe), batch);
    }

    [Fact]
    public void OnlyFastForestRegressionsAreCompiled()
    {
        var data = SyntheticData.Classification(300, 2);
        var model = (MlNetModel)new RandomForestAlgorithm().Fit(data, new RandomForestAlgorithm().SearchSpace(TaskKind.Binary).Defaults(), seed: 5);

        Assert.Null(CompiledForestRegression.TryCreate(model.Transformer, model.FeatureCount));
    }

    /// <summary>ML.NET's own batch scoring of the rows (its data view path, which the model used before).</summary>
    private static double[] MlNetScores(MlNetModel model, FeatureMatrix features) =>
        model.Transformer.Transform(MlNetRows.Scoring(model.Context, features)).GetColumn<float>("Score").Select(s => (double)s).ToArray();
}
