using Raciflow.Training;
using Raciflow.Training.Algorithms;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class MlNetAlgorithmTests
{
    public static TheoryData<string, TaskKind> Supported()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var algorithm in MlNetAlgorithms.All())
        {
            foreach (var task in algorithm.Tasks.Order())
            {
                data.Add(algorithm.Name, task);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public void FitsALearnableProblemAndSavedModelsPredictTheSame(string name, TaskKind task)
    {
        var algorithm = MlNetAlgorithms.All().Single(a => a.Name == name);
        var all = task switch
        {
            TaskKind.Regression => SyntheticData.Regression(400),
            TaskKind.Binary => SyntheticData.Classification(400, 2),
            _ => SyntheticData.Classification(400, 4),
        };
        var train = all.Take(Enumerable.Range(0, 300).ToArray());
        var test = all.Take(Enumerable.Range(300, 100).ToArray());
        var model = algorithm.Fit(train, algorithm.SearchSpace(task).Defaults(), seed: 7);

        var metrics = ModelEvaluator.Evaluate(model, test);
        if (task == TaskKind.Regression)
        {
            Assert.True(metrics["r2"] > 0.8, $"{name}: r2 {metrics["r2"]}");
        }
        else
        {
            Assert.True(metrics["accuracy"] > 0.9, $"{name}: accuracy {metrics["accuracy"]}");
        }

        var batch = ModelEvaluator.Predict(model, test.Features);
        if (task != TaskKind.Regression)
        {
            for (var r = 0; r < test.Rows; r++)
            {
                Assert.Equal(1.0, batch.AsSpan(r * model.OutputWidth, model.OutputWidth).ToArray().Sum(), 6);
            }
        }

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = algorithm.Load(stream);
        Assert.Equal(batch, ModelEvaluator.Predict(loaded, test.Features));

        // Single rows, from several threads at once, give the batch's numbers.
        Parallel.For(0, test.Rows, r =>
        {
            var one = new double[loaded.OutputWidth];
            loaded.Predict(test.Features.Row(r), one);
            Assert.Equal(batch.AsSpan(r * one.Length, one.Length).ToArray(), one);
        });
    }

    [Fact]
    public void FittingTwiceWithTheSameSeedGivesTheSameModel()
    {
        var data = SyntheticData.Regression(200);
        foreach (var algorithm in MlNetAlgorithms.All().Where(a => a.Tasks.Contains(TaskKind.Regression)))
        {
            var hp = algorithm.SearchSpace(TaskKind.Regression).Defaults();
            Assert.Equal(ModelEvaluator.Predict(algorithm.Fit(data, hp, 3), data.Features), ModelEvaluator.Predict(algorithm.Fit(data, hp, 3), data.Features));
        }
    }

    [Fact]
    public void LoadingSomethingElseIsAnError()
    {
        var algorithm = new LightGbmAlgorithm();
        Assert.Throws<RaciflowException>(() => algorithm.Load(new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public void AnUnsupportedTaskIsAnError()
    {
        var ex = Assert.Throws<RaciflowException>(() => new GamAlgorithm().Fit(SyntheticData.Classification(60, 3), new GamAlgorithm().SearchSpace(TaskKind.Binary).Defaults(), 1));
        Assert.Contains("multiclass", ex.Message, StringComparison.Ordinal);
    }
}
