using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

/// <summary>What every hand-written algorithm promises, for every task it supports.</summary>
public sealed class AlgorithmContractTests
{
    public static TheoryData<string, TaskKind> AlgorithmsAndTasks()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var algorithm in HandWrittenAlgorithms.All())
        {
            foreach (var task in algorithm.Tasks.Order())
            {
                data.Add(algorithm.Name, task);
            }
        }

        return data;
    }

    public static TheoryData<string, TaskKind> AlgorithmsAndUnsupportedTasks()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var algorithm in HandWrittenAlgorithms.All())
        {
            foreach (var task in Enum.GetValues<TaskKind>().Where(t => !algorithm.Tasks.Contains(t)))
            {
                data.Add(algorithm.Name, task);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void ASavedModelLoadsBackWithIdenticalPredictions(string name, TaskKind task)
    {
        var (algorithm, data, model) = FitDefault(name, task, seed: 7);

        var bytes = TestData.Save(model);
        var loaded = TestData.Load(algorithm, bytes);

        Assert.Equal(model.Algorithm, loaded.Algorithm);
        Assert.Equal(model.Task, loaded.Task);
        Assert.Equal(model.OutputWidth, loaded.OutputWidth);
        Assert.Equal(TestData.PredictBatch(model, data.Features), TestData.PredictBatch(loaded, data.Features));
        Assert.Equal(bytes, TestData.Save(loaded));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void FittingTwiceWithTheSameSeedGivesTheSameModel(string name, TaskKind task)
    {
        var (_, _, first) = FitDefault(name, task, seed: 11);
        var (_, _, second) = FitDefault(name, task, seed: 11);

        Assert.Equal(TestData.Save(first), TestData.Save(second));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void BatchPredictionEqualsRowByRowPrediction(string name, TaskKind task)
    {
        var (_, data, model) = FitDefault(name, task, seed: 3);

        Assert.Equal(TestData.PredictEachRow(model, data.Features), TestData.PredictBatch(model, data.Features));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void PredictingFromManyThreadsEqualsPredictingInSequence(string name, TaskKind task)
    {
        var (_, data, model) = FitDefault(name, task, seed: 5);
        var sequential = TestData.PredictEachRow(model, data.Features);

        var results = new double[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            results[t] = t % 2 == 0 ? TestData.PredictEachRow(model, data.Features) : TestData.PredictBatch(model, data.Features);
        });

        Assert.All(results, r => Assert.Equal(sequential, r));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void PredictionsAreOneValueOrProbabilitiesSummingToOne(string name, TaskKind task)
    {
        var (_, data, model) = FitDefault(name, task, seed: 1);
        var p = TestData.PredictBatch(model, data.Features);

        Assert.Equal(data.OutputWidth, model.OutputWidth);
        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        if (task != TaskKind.Regression)
        {
            for (var i = 0; i < data.Rows; i++)
            {
                var row = p.AsSpan(i * model.OutputWidth, model.OutputWidth).ToArray();
                Assert.All(row, v => Assert.InRange(v, 0, 1));
                Assert.Equal(1.0, row.Sum(), 12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void AMissingFeatureValueIsRejectedNamingTheFeatureAndRow(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);
        data.Features.Values[(2 * 4) + 1] = double.NaN;

        var error = Assert.Throws<RaciflowException>(() => algorithm.Fit(data, TestData.Defaults(algorithm, task), 0));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("'x1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void ALabelOutOfRangeIsRejectedNamingTheRow(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);
        data.Labels[4] = task == TaskKind.Regression ? double.NaN : data.ClassCount;

        var error = Assert.Throws<RaciflowException>(() => algorithm.Fit(data, TestData.Defaults(algorithm, task), 0));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("row 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void WeightsThatDoNotFitTheRowsAreRejected(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);
        var negative = Enumerable.Repeat(1.0, 20).ToArray();
        negative[6] = -1;

        var tooFew = Assert.Throws<RaciflowException>(() => algorithm.Fit(data with { Weights = new double[19] }, TestData.Defaults(algorithm, task), 0));
        var belowZero = Assert.Throws<RaciflowException>(() => algorithm.Fit(data with { Weights = negative }, TestData.Defaults(algorithm, task), 0));

        Assert.Contains("19 weights for 20 rows", tooFew.Message, StringComparison.Ordinal);
        Assert.Contains("row 7", belowZero.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void EmptyDataIsRejected(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var empty = new TrainingData(new FeatureMatrix([], 0, 2, ["a", "b"]), [], task, task == TaskKind.Regression ? 0 : 2);

        var error = Assert.Throws<RaciflowException>(() => algorithm.Fit(empty, TestData.Defaults(algorithm, task), 0));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("0 rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void AnUnknownHyperparameterIsRejectedByName(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);
        var wrong = new Raciflow.Training.Tuning.Hyperparameters(new Dictionary<string, object> { ["no_such_setting"] = 1.0 });

        var error = Assert.Throws<RaciflowException>(() => algorithm.Fit(data, wrong, 0));

        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void ACancelledFitStops(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);

        Assert.ThrowsAny<OperationCanceledException>(() => algorithm.Fit(data, TestData.Defaults(algorithm, task), 0, new CancellationToken(canceled: true)));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndUnsupportedTasks))]
    public void AnUnsupportedTaskIsRejected(string name, TaskKind task)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 20, seed: 2);

        var error = Assert.Throws<RaciflowException>(() => algorithm.Fit(data, algorithm.SearchSpace(task).Defaults(), 0));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void ATruncatedModelStreamIsUnprocessable(string name, TaskKind task)
    {
        var (algorithm, _, model) = FitDefault(name, task, seed: 1);
        var bytes = TestData.Save(model);

        var error = Assert.Throws<RaciflowException>(() => TestData.Load(algorithm, bytes[..(bytes.Length - 3)]));

        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void AnotherAlgorithmsModelIsNotLoaded(string name, TaskKind task)
    {
        var (_, _, model) = FitDefault(name, task, seed: 1);
        var other = HandWrittenAlgorithms.All().First(a => a.Name != name);

        var error = Assert.Throws<RaciflowException>(() => TestData.Load(other, TestData.Save(model)));

        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesAreUniqueAndEveryDefaultLiesInItsRange()
    {
        var algorithms = HandWrittenAlgorithms.All().ToList();

        Assert.Equal(
            ["adaboost", "decision-tree", "elastic-net", "knn", "lasso", "linear", "naive-bayes", "ridge"],
            algorithms.Select(a => a.Name).Order(StringComparer.Ordinal));
        foreach (var algorithm in algorithms)
        {
            foreach (var task in algorithm.Tasks)
            {
                var space = algorithm.SearchSpace(task);

                // Validating the defaults as if a user had typed them checks type and range of each.
                space.Validate(space.Defaults().Values, algorithm.Name);
            }
        }

        var catalog = new AlgorithmCatalog(algorithms);
        Assert.Equal(["adaboost", "decision-tree", "knn", "naive-bayes"], catalog.For(TaskKind.Multiclass).Select(a => a.Name));
    }

    private static IAlgorithm Get(string name) => HandWrittenAlgorithms.All().Single(a => a.Name == name);

    private static (IAlgorithm Algorithm, TrainingData Data, ITrainedModel Model) FitDefault(string name, TaskKind task, int seed)
    {
        var algorithm = Get(name);
        var data = TestData.Synthetic(task, 60, seed);
        return (algorithm, data, algorithm.Fit(data, TestData.Defaults(algorithm, task), seed));
    }
}
