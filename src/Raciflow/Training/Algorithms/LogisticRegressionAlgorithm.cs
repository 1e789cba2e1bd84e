using Microsoft.ML;
using Microsoft.ML.Trainers;
using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Logistic regression fitted by L-BFGS: binary (ML.NET LbfgsLogisticRegression) and multinomial
/// (LbfgsMaximumEntropy), with L1 and L2 penalties.
/// </summary>
public sealed class LogisticRegressionAlgorithm : MlNetAlgorithm
{
    public override string Name => "logistic-regression";

    public override string DisplayName => "Logistic regression (L-BFGS; multinomial for multiclass)";

    public override IReadOnlySet<TaskKind> Tasks { get; } = TasksOf(TaskKind.Binary, TaskKind.Multiclass);

    public override HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Real("l1", 1e-6, 1, 1e-6, log: true),
        Hyperparameter.Real("l2", 1e-4, 10, 0.1, log: true),
        Hyperparameter.Int("max_iterations", 50, 1000, 200, log: true),
    ]);

    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskKind task, Hyperparameters hp, int seed, string? weightColumn) => task switch
    {
        TaskKind.Binary => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = (float)hp.Real("l1"),
            L2Regularization = (float)hp.Real("l2"),
            MaximumNumberOfIterations = hp.Int("max_iterations"),
            NumberOfThreads = Threads,
            ExampleWeightColumnName = weightColumn,
        }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = (float)hp.Real("l1"),
            L2Regularization = (float)hp.Real("l2"),
            MaximumNumberOfIterations = hp.Int("max_iterations"),
            NumberOfThreads = Threads,
            ExampleWeightColumnName = weightColumn,
        }),
    };
}
