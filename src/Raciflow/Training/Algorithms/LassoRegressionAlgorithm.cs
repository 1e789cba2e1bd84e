using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Lasso: (1/(2n))‖y − Xw − b‖² + α‖w‖₁ by cyclic coordinate descent (scikit-learn's Lasso); drives the
/// coefficients of irrelevant features to exactly zero.
/// </summary>
public sealed class LassoRegressionAlgorithm : IAlgorithm
{
    public string Name => "lasso";

    public string DisplayName => "Lasso regression (L1, coordinate descent)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression };

    /// <summary>
    /// max_iter and tol are settable but bounded (at least scikit-learn's 1000 sweeps, at most its 1e-4 tolerance
    /// ×10) so a tuner sampling them never buys speed with an unconverged fit.
    /// </summary>
    public HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Real("alpha", 1e-5, 10, 1.0, log: true),
        Hyperparameter.Int("max_iter", 1000, 10_000, 1000, log: true),
        Hyperparameter.Real("tol", 1e-8, 1e-3, 1e-4, log: true),
    ]);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        var design = CenteredDesign.From(data);
        var result = CoordinateDescentSolver.Solve(design, h.Real("alpha"), l1Ratio: 1.0, h.Int("max_iter"), h.Real("tol"), cancellationToken);
        return new LinearModel(Name, result.Coefficients, design.Intercept(result.Coefficients), result.Iterations, result.Converged);
    }

    public ITrainedModel Load(Stream stream) => LinearModel.Read(stream, Name);
}
