using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// AdaBoost over CART trees: AdaBoost.R2 (Drucker 1997; linear, square or exponential loss; depth-3 trees by
/// default) for regression and SAMME (Zhu et al. 2009; stumps by default) for classification, with scikit-learn's
/// defaults of 50 estimators and learning rate 1.
/// </summary>
public sealed class AdaBoostAlgorithm : IAlgorithm
{
    public string Name => "adaboost";

    public string DisplayName => "AdaBoost (R2 for regression, SAMME for classification)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass };

    public HyperparameterSpace SearchSpace(TaskKind task)
    {
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Int("n_estimators", 10, 500, 50, log: true),
            Hyperparameter.Real("learning_rate", 0.01, 2.0, 1.0, log: true),
            Hyperparameter.Int("max_depth", 1, 5, task == TaskKind.Regression ? 3 : 1),
        ];
        if (task == TaskKind.Regression)
        {
            parameters.Add(Hyperparameter.Choice("loss", "linear", "linear", "square", "exponential"));
        }

        return new HyperparameterSpace(parameters);
    }

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        var random = new Random(seed);
        var estimators = h.Int("n_estimators");
        var learningRate = h.Real("learning_rate");
        var columns = data.Features.Columns;
        if (data.Task == TaskKind.Regression)
        {
            var options = new CartTreeOptions { Criterion = SplitCriterion.SquaredError, MaxDepth = h.Int("max_depth") };
            var loss = h.Choice("loss") switch
            {
                "square" => AdaBoostR2Loss.Square,
                "exponential" => AdaBoostR2Loss.Exponential,
                _ => AdaBoostR2Loss.Linear,
            };
            var (trees, weights) = AdaBoostR2Trainer.Fit(data, options, estimators, learningRate, loss, random, cancellationToken);
            return new AdaBoostRegressionModel(Name, columns, [.. trees], [.. weights]);
        }

        var stumps = new CartTreeOptions { Criterion = SplitCriterion.Gini, MaxDepth = h.Int("max_depth") };
        var (classifiers, alphas) = SammeTrainer.Fit(data, stumps, estimators, learningRate, random, cancellationToken);
        return new AdaBoostClassificationModel(Name, data.Task, columns, data.ClassCount, [.. classifiers], [.. alphas]);
    }

    /// <summary>Reads either ensemble: the header's task says which.</summary>
    public ITrainedModel Load(Stream stream) =>
        ModelFormat.Read<ITrainedModel>(stream, Name, (reader, task) => task == TaskKind.Regression
            ? AdaBoostRegressionModel.ReadBody(reader, Name)
            : AdaBoostClassificationModel.ReadBody(reader, Name, task));
}
