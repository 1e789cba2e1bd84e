using Raciflow.Tests.Support;
using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training;

public sealed class ModelTrainerTests
{
    private static readonly Lazy<Frame> Penguins = new(() => CsvFrames.Load(RepositoryPaths.TestData("penguins.csv")));

    private static ModelTrainer Trainer(params IAlgorithm[] algorithms) =>
        new(algorithms.Length == 0 ? AlgorithmCatalog.CreateDefault() : new AlgorithmCatalog(algorithms), TimeProvider.System);

    private static TrainingRequest Quick(string target, params string[] algorithms) => new()
    {
        Target = target,
        Algorithms = algorithms,
        Trials = 2,
        Folds = 3,
        Hyperparameters = algorithms.Contains("lightgbm")
            ? new Dictionary<string, IReadOnlyDictionary<string, object>> { ["lightgbm"] = new Dictionary<string, object> { ["iterations"] = 30 } }
            : new Dictionary<string, IReadOnlyDictionary<string, object>>(),
    };

    [Fact]
    public async Task TrainsRanksAndReportsEveryStep()
    {
        var frame = Penguins.Value;
        var split = SplitIndices.Shuffled(frame.RowCount, 0.2, 0.2, seed: 1);
        var observer = new RecordingObserver();
        var result = await Trainer().TrainAsync(frame, split, Quick("species", "logistic-regression", "lightgbm"), observer);

        Assert.Equal(TaskKind.Multiclass, result.Task);
        Assert.Equal("f1_macro", result.PrimaryMetric.Name);
        Assert.Equal(2, result.Leaderboard.Count);
        Assert.True(result.Leaderboard[0].ValidationMetrics["f1_macro"] >= result.Leaderboard[1].ValidationMetrics["f1_macro"]);
        Assert.All(result.Leaderboard, r => Assert.True(r.TestMetrics["accuracy"] > 0.9, $"{r.Algorithm}: {r.TestMetrics["accuracy"]}"));
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], result.Best.Bundle.Classes);
        foreach (var algorithm in new[] { "logistic-regression", "lightgbm" })
        {
            // Per algorithm: started first, finished last, each trial started before it finished.
            var events = observer.Events.Where(e => e.Contains($" {algorithm}", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, events.Count);
            Assert.Equal($"start {algorithm}", events[0]);
            Assert.Equal($"end {algorithm}", events[^1]);
            Assert.True(events.IndexOf($"trial-start {algorithm} 1") < events.IndexOf($"trial-end {algorithm} 1"));
            Assert.Contains($"trial-end {algorithm} 0", events);
        }
    }

    [Fact]
    public async Task ASavedBundlePredictsTheSameFromFramesAndSingleRows()
    {
        var frame = Penguins.Value;
        var result = await Trainer().TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 2), Quick("species", "lightgbm"));
        using var stream = new MemoryStream();
        result.Best.Bundle.Save(stream);
        stream.Position = 0;
        var loaded = ModelBundle.Load(stream, AlgorithmCatalog.CreateDefault());

        Assert.Equal(result.Best.Bundle.PredictRaw(frame), loaded.PredictRaw(frame));
        Assert.Equal(result.Best.Bundle.Hyperparameters.ToString(), loaded.Hyperparameters.ToString());
        Assert.Equal(result.Best.Bundle.Metrics, loaded.Metrics);
        var batch = loaded.Predict(frame);
        for (var r = 0; r < frame.RowCount; r += 11)
        {
            var row = frame.Columns.Where(c => c.Name != "species").ToDictionary(c => c.Name, c => (object?)c.Format(r));
            var one = loaded.PredictRow(row);
            Assert.Equal(batch[r].Label, one.Label);
            Assert.Equal(batch[r].Probabilities, one.Probabilities);
        }
    }

    [Fact]
    public async Task TestRowsNeverReachPreprocessingOrTraining()
    {
        // Every row carries a unique id, so its standardised value identifies it.
        var frame = Penguins.Value;
        var ids = new NumericColumn("row_id", ColumnType.Numeric, Enumerable.Range(0, frame.RowCount).Select(i => (double)i).ToArray());
        var withIds = new Frame([.. frame.Columns, ids]);
        var split = SplitIndices.Shuffled(frame.RowCount, 0.1, 0.2, seed: 3);
        var spy = new SpyAlgorithm(new LogisticRegressionAlgorithm());
        var result = await Trainer(spy).TrainAsync(withIds, split, Quick("species", "logistic-regression"));

        var pipeline = result.Best.Bundle.Pipeline;
        var idFeature = pipeline.FeatureNames.ToList().IndexOf("row_id");
        var encodedIds = pipeline.Transform(withIds);
        var heldOut = split.Test.Concat(split.Validation).Select(r => encodedIds[r, idFeature]).ToHashSet();
        Assert.NotEmpty(spy.SeenRows);
        Assert.DoesNotContain(spy.SeenRows, row => heldOut.Contains(row[idFeature]));

        // The scaler saw training ids only: their mean, not the mean of all rows.
        var encoder = Assert.IsType<Raciflow.Training.Preprocessing.NumericEncoder>(pipeline.Encoders.Single(e => e.Column == "row_id"));
        Assert.Equal(split.Train.Average(r => (double)r), encoder.Mean, 9);
    }

    [Fact]
    public async Task RegressionTargetsGetRegressionMetrics()
    {
        var frame = Penguins.Value;
        var request = Quick("body_mass_g", "lightgbm", "gam") with { Task = TaskKind.Regression };
        var result = await Trainer().TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0.2, 0.2, 4), request);
        Assert.Equal("r2", result.PrimaryMetric.Name);
        Assert.All(result.Leaderboard, r => Assert.True(r.TestMetrics["r2"] > 0.7, $"{r.Algorithm}: {r.TestMetrics["r2"]}"));
        Assert.Null(result.Best.Bundle.Predict(frame)[0].Label);
    }

    public static TheoryData<string, TrainingRequest, string> BadRequests() => new()
    {
        { "unknown target", new TrainingRequest { Target = "colour" }, "Target column 'colour' does not exist" },
        { "unknown algorithm", new TrainingRequest { Target = "species", Algorithms = ["svm"] }, "Unknown algorithm 'svm'" },
        { "wrong task", new TrainingRequest { Target = "species", Algorithms = ["gam"] }, "does not support multiclass" },
        { "regression on text", new TrainingRequest { Target = "species", Task = TaskKind.Regression }, "numeric target" },
        { "unknown metric", new TrainingRequest { Target = "species", PrimaryMetric = "r2" }, "does not apply" },
        {
            "unknown hyperparameter",
            new TrainingRequest { Target = "species", Algorithms = ["lightgbm"], Hyperparameters = new Dictionary<string, IReadOnlyDictionary<string, object>> { ["lightgbm"] = new Dictionary<string, object> { ["depth"] = 3 } } },
            "has no hyperparameter 'depth'"
        },
        {
            "out-of-range hyperparameter",
            new TrainingRequest { Target = "species", Algorithms = ["lightgbm"], Hyperparameters = new Dictionary<string, IReadOnlyDictionary<string, object>> { ["lightgbm"] = new Dictionary<string, object> { ["leaves"] = 1 } } },
            "must be between"
        },
        { "too many folds", new TrainingRequest { Target = "species", Folds = 200 }, "too few for 200-fold" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequestsFailBeforeAnyFitting(string because, TrainingRequest request, string message)
    {
        var frame = Penguins.Value;
        var spy = new SpyAlgorithm(new LightGbmAlgorithm());
        var catalog = new AlgorithmCatalog([spy, .. MlNetAlgorithms.All().Where(a => a.Name != "lightgbm")]);
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => new ModelTrainer(catalog, TimeProvider.System).TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0.2, 0.2, 1), request));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Empty(spy.SeenRows);
        Assert.NotNull(because);
    }

    [Fact]
    public async Task OverlappingOrOutOfRangeSplitsAreRefused()
    {
        var frame = Penguins.Value;
        var request = new TrainingRequest { Target = "species", Algorithms = ["lightgbm"] };
        var overlap = new SplitIndices(Enumerable.Range(0, 200).ToArray(), [], [5, 250]);
        Assert.Contains("both the train and the test", (await Assert.ThrowsAsync<RaciflowException>(() => Trainer().TrainAsync(frame, overlap, request))).Message, StringComparison.Ordinal);
        var outside = new SplitIndices(Enumerable.Range(0, 200).ToArray(), [], [9999]);
        Assert.Contains("row 9999", (await Assert.ThrowsAsync<RaciflowException>(() => Trainer().TrainAsync(frame, outside, request))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrainingSplitWithOneClassIsRefused()
    {
        var frame = Penguins.Value;
        var adelie = Enumerable.Range(0, frame.RowCount).Where(r => frame["species"].Format(r) == "Adelie").ToArray();
        var rest = Enumerable.Range(0, frame.RowCount).Except(adelie).ToArray();
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => Trainer().TrainAsync(frame, new SplitIndices(adelie, [], rest), new TrainingRequest { Target = "species" }));
        Assert.Contains("only 1 class", ex.Message, StringComparison.Ordinal);
    }
}
