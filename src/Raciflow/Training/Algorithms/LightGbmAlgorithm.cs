using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>Gradient-boosted trees with LightGBM: regression, binary and (softmax) multiclass.</summary>
public sealed class LightGbmAlgorithm : MlNetAlgorithm
{
    public override string Name => "lightgbm";

    public override string DisplayName => "Gradient-boosted trees (LightGBM)";

    public override IReadOnlySet<TaskKind> Tasks { get; } = TasksOf(TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass);

    public override HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Int("iterations", 20, 1000, 100, log: true),
        Hyperparameter.Real("learning_rate", 0.01, 0.3, 0.1, log: true),
        Hyperparameter.Int("leaves", 4, 128, 31, log: true),
        Hyperparameter.Int("min_leaf", 2, 50, 10, log: true),
        Hyperparameter.Real("l2", 1e-4, 10, 0.01, log: true),
        Hyperparameter.Real("feature_fraction", 0.5, 1.0, 1.0),
    ]);

    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskKind task, Hyperparameters hp, int seed, string? weightColumn)
    {
        var booster = new GradientBooster.Options
        {
            L2Regularization = hp.Real("l2"),
            FeatureFraction = hp.Real("feature_fraction"),
        };
        return task switch
        {
            TaskKind.Regression => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfIterations = hp.Int("iterations"),
                LearningRate = hp.Real("learning_rate"),
                NumberOfLeaves = hp.Int("leaves"),
                MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
                Booster = booster,
                NumberOfThreads = Threads,
                Seed = seed,
                Silent = true,
                ExampleWeightColumnName = weightColumn,
            }),
            TaskKind.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = hp.Int("iterations"),
                LearningRate = hp.Real("learning_rate"),
                NumberOfLeaves = hp.Int("leaves"),
                MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
                Booster = booster,
                NumberOfThreads = Threads,
                Seed = seed,
                Silent = true,
                ExampleWeightColumnName = weightColumn,
            }),
            _ => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = hp.Int("iterations"),
                LearningRate = hp.Real("learning_rate"),
                NumberOfLeaves = hp.Int("leaves"),
                MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
                Booster = booster,
                NumberOfThreads = Threads,
                Seed = seed,
                Silent = true,
                ExampleWeightColumnName = weightColumn,
            }),
        };
    }
}
