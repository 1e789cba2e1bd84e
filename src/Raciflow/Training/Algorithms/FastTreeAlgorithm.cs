using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>Gradient-boosted trees with ML.NET FastTree (MART): regression, binary, multiclass one-versus-all.</summary>
public sealed class FastTreeAlgorithm : MlNetAlgorithm
{
    public override string Name => "fast-tree";

    public override string DisplayName => "Gradient-boosted trees (ML.NET FastTree)";

    public override IReadOnlySet<TaskKind> Tasks { get; } = TasksOf(TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass);

    public override HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Int("trees", 20, 1000, 100, log: true),
        Hyperparameter.Real("learning_rate", 0.01, 0.4, 0.1, log: true),
        Hyperparameter.Int("leaves", 4, 64, 16, log: true),
        Hyperparameter.Int("min_leaf", 1, 50, 5, log: true),
        Hyperparameter.Real("feature_fraction", 0.5, 1.0, 1.0),
    ]);

    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskKind task, Hyperparameters hp, int seed, string? weightColumn)
    {
        if (task == TaskKind.Regression)
        {
            return ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                NumberOfTrees = hp.Int("trees"),
                LearningRate = hp.Real("learning_rate"),
                NumberOfLeaves = hp.Int("leaves"),
                MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
                FeatureFraction = hp.Real("feature_fraction"),
                NumberOfThreads = Threads,
                Seed = seed,
                ExampleWeightColumnName = weightColumn,
            });
        }

        var binary = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = hp.Int("trees"),
            LearningRate = hp.Real("learning_rate"),
            NumberOfLeaves = hp.Int("leaves"),
            MinimumExampleCountPerLeaf = hp.Int("min_leaf"),
            FeatureFraction = hp.Real("feature_fraction"),
            NumberOfThreads = Threads,
            Seed = seed,
            ExampleWeightColumnName = weightColumn,
        });
        return task == TaskKind.Binary ? binary : ml.MulticlassClassification.Trainers.OneVersusAll(binary, useProbabilities: true);
    }
}
