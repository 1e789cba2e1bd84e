using Raciflow.Data;
using Raciflow.Training.Evaluation;
using Raciflow.Training.Preprocessing;
using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// A checked training request turned into data: every error a user can make is found here, before any fitting
/// starts. Rows whose target is missing are left out of every part.
/// </summary>
internal sealed record TrainingPlan(
    TaskKind Task,
    Metric Metric,
    IReadOnlyList<(IAlgorithm Algorithm, Hyperparameters Fixed)> Algorithms,
    FeaturePipeline Pipeline,
    IReadOnlyList<string> Classes,
    TrainingData Train,
    TrainingData Validation,
    TrainingData Test,
    IReadOnlyList<Fold> Folds)
{
    public static TrainingPlan Create(AlgorithmCatalog catalog, Frame frame, SplitIndices split, TrainingRequest request)
    {
        var task = TaskInference.Check(frame, request.Target, request.Task);
        var metric = request.PrimaryMetric is null ? Metric.DefaultFor(task) : Metric.Get(request.PrimaryMetric, task);
        var algorithms = ResolveAlgorithms(catalog, request, task);
        if (request.Folds < 2)
        {
            throw RaciflowException.Invalid($"Cross-validation needs at least 2 folds; got {request.Folds}.", "folds");
        }

        if (request.Trials is < 1)
        {
            throw RaciflowException.Invalid($"The number of trials must be at least 1; got {request.Trials}.", "trials");
        }

        CheckSplit(split, frame.RowCount);
        var target = frame[request.Target];
        var train = split.Train.Where(r => !target.IsMissing(r)).ToArray();
        var validation = split.Validation.Where(r => !target.IsMissing(r)).ToArray();
        var test = split.Test.Where(r => !target.IsMissing(r)).ToArray();
        if (train.Length < request.Folds * 2)
        {
            throw RaciflowException.Invalid($"{train.Length} training rows with a target value are too few for {request.Folds}-fold cross-validation; need at least {request.Folds * 2}.", "split");
        }

        var trainFrame = frame.Take(train);
        var pipeline = FeaturePipeline.Fit(trainFrame, request.Target, request.FeatureColumns, request.Preprocessing);
        IReadOnlyList<string> classes = [];
        Func<FrameColumn, double[]> labelsOf = c => ((NumericColumn)c).Values;
        if (task != TaskKind.Regression)
        {
            // The class vocabulary comes from the whole column so every part's labels have an index; only the
            // names are read, never which row holds which, so no test information reaches training.
            var encoder = LabelEncoder.Fit(target);
            classes = encoder.Classes;
            labelsOf = c => encoder.Encode(c).Select(i => (double)i).ToArray();
            var trainClasses = labelsOf(trainFrame[request.Target]).Distinct().Count();
            if (trainClasses < 2)
            {
                throw RaciflowException.Invalid($"The training rows hold only {trainClasses} class of '{request.Target}'; a classifier needs at least 2.", "split");
            }
        }

        TrainingData Data(int[] rows)
        {
            var part = ReferenceEquals(rows, train) ? trainFrame : frame.Take(rows);
            return new TrainingData(pipeline.Transform(part), labelsOf(part[request.Target]), task, classes.Count);
        }

        var trainData = Data(train);
        var folds = CrossValidationFolds.Create(trainData, request.Folds, request.Seed);
        return new TrainingPlan(task, metric, algorithms, pipeline, classes, trainData, Data(validation), Data(test), folds);
    }

    private static List<(IAlgorithm, Hyperparameters)> ResolveAlgorithms(AlgorithmCatalog catalog, TrainingRequest request, TaskKind task)
    {
        var names = request.Algorithms.Count > 0 ? request.Algorithms : catalog.For(task).Select(a => a.Name).ToList();
        if (names.Count == 0)
        {
            throw RaciflowException.Invalid($"No algorithm in the catalog supports {task.ToString().ToLowerInvariant()}.", "algorithms");
        }

        foreach (var name in request.Hyperparameters.Keys)
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw RaciflowException.Invalid($"Hyperparameters are given for '{name}', which is not among the algorithms to train: {string.Join(", ", names)}.", name);
            }
        }

        return names.Select(name =>
        {
            var algorithm = catalog.Get(name, task);
            var given = request.Hyperparameters.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            var space = algorithm.SearchSpace(task);
            var validated = given is null ? new Dictionary<string, object>() : space.Validate(given, algorithm.Name).Values.Where(kv => given.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            return (algorithm, new Hyperparameters(validated));
        }).ToList();
    }

    private static void CheckSplit(SplitIndices split, int rowCount)
    {
        var seen = new Dictionary<int, string>();
        foreach (var (name, rows) in new[] { ("train", split.Train), ("validation", split.Validation), ("test", split.Test) })
        {
            foreach (var r in rows)
            {
                if (r < 0 || r >= rowCount)
                {
                    throw RaciflowException.Invalid($"The {name} split names row {r}, but the data has rows 0 to {rowCount - 1}.", "split");
                }

                if (!seen.TryAdd(r, name))
                {
                    throw RaciflowException.Invalid($"Row {r} is in both the {seen[r]} and the {name} split; the parts must not overlap.", "split");
                }
            }
        }
    }
}
