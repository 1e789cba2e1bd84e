using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Ridge regression: least squares plus α‖w‖², closed form through the SVD (w = V·diag(σ/(σ² + α))·Uᵀy) on the
/// centred design, so the intercept is not penalised (scikit-learn's Ridge).
/// </summary>
public sealed class RidgeRegressionAlgorithm : IAlgorithm
{
    public string Name => "ridge";

    public string DisplayName => "Ridge regression (L2, closed form)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression };

    public HyperparameterSpace SearchSpace(TaskKind task) => new([Hyperparameter.Real("alpha", 1e-4, 1e4, 1.0, log: true)]);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        cancellationToken.ThrowIfCancellationRequested();
        var design = CenteredDesign.From(data);
        var w = LeastSquaresSolver.Solve(design, h.Real("alpha"));
        return new LinearModel(Name, w, design.Intercept(w));
    }

    public ITrainedModel Load(Stream stream) => LinearModel.Read(stream, Name);
}
