using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Random forest (ML.NET FastForest): regression and binary directly, multiclass one-versus-all. Binary forests
/// are not calibrated, so a Platt calibrator turns their scores into probabilities.
/// </summary>
public sealed class RandomForestAlgorithm : MlNetAlgorithm
{
    public override string Name => "random-forest";

    public override string DisplayName => "Random forest (ML.NET FastForest)";

    public override IReadOnlySet<TaskKind> Tasks { get; } = TasksOf(TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass);

    public override HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Int("trees", 20, 500, 100, log: true),
        Hyperparameter.Int("leaves", 4, 128, 32, log: true),
        Hyperparameter.Int("min_leaf", 1, 50, 2, log: true),
        Hyperparameter.Real("feature_fraction", 0.3, 1.0, 0.7),
    ]);

    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskKind task, Hyperparameters hp, int seed, string? weightColumn)
    {
        if (task == TaskKind.Regression)
        {
            return ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfTrees = hp.Int("trees"),
                NumberOfLeaves = hp.Int("leaves"),
                MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
                FeatureFraction = hp.Real("feature_fraction"),
                NumberOfThreads = Threads,
                Seed = seed,
                ExampleWeightColumnName = weightColumn,
            });
        }

        var binary = ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = hp.Int("trees"),
            NumberOfLeaves = hp.Int("leaves"),
            MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
            FeatureFraction = hp.Real("feature_fraction"),
            NumberOfThreads = Threads,
            Seed = seed,
            ExampleWeightColumnName = weightColumn,
        });
        return task == TaskKind.Binary
            ? binary.Append(ml.BinaryClassification.Calibrators.Platt())
            : ml.MulticlassClassification.Trainers.OneVersusAll(binary, useProbabilities: true);
    }
}
