using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// A single CART tree (scikit-learn's DecisionTreeRegressor/Classifier): squared-error splits for regression, Gini
/// or entropy for classification, leaf class frequencies as probabilities, row weights honoured.
/// </summary>
public sealed class DecisionTreeAlgorithm : IAlgorithm
{
    public string Name => "decision-tree";

    public string DisplayName => "Decision tree (CART)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass };

    /// <summary>max_depth 32 stands for scikit-learn's unlimited default: no data set here grows a deeper tree.</summary>
    public HyperparameterSpace SearchSpace(TaskKind task)
    {
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Int("max_depth", 1, 32, 32, log: true),
            Hyperparameter.Int("min_samples_split", 2, 40, 2, log: true),
            Hyperparameter.Int("min_samples_leaf", 1, 20, 1, log: true),
            Hyperparameter.Real("max_features", 0.1, 1.0, 1.0),
        ];
        if (task != TaskKind.Regression)
        {
            parameters.Add(Hyperparameter.Choice("criterion", "gini", "gini", "entropy"));
        }

        return new HyperparameterSpace(parameters);
    }

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        var options = new CartTreeOptions
        {
            Criterion = data.Task == TaskKind.Regression ? SplitCriterion.SquaredError
                : h.Choice("criterion") == "entropy" ? SplitCriterion.Entropy : SplitCriterion.Gini,
            MaxDepth = h.Int("max_depth"),
            MinSamplesSplit = h.Int("min_samples_split"),
            MinSamplesLeaf = h.Int("min_samples_leaf"),
            MaxFeatures = h.Real("max_features"),
        };
        var classes = data.Task == TaskKind.Regression ? 0 : data.ClassCount;
        var tree = CartTreeBuilder.Build(data.Features, data.Labels, TrainingDataGuard.WeightsOrOnes(data), classes, options, new Random(seed), cancellationToken);
        return new DecisionTreeModel(Name, data.Task, data.Features.Columns, tree);
    }

    public ITrainedModel Load(Stream stream) => DecisionTreeModel.Read(stream, Name);
}
