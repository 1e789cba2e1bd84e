using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Elastic net: (1/(2n))‖y − Xw − b‖² + α·l1_ratio‖w‖₁ + α(1 − l1_ratio)/2·‖w‖² by cyclic coordinate descent
/// (scikit-learn's ElasticNet).
/// </summary>
public sealed class ElasticNetAlgorithm : IAlgorithm
{
    public string Name => "elastic-net";

    public string DisplayName => "Elastic net regression (L1 + L2, coordinate descent)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression };

    /// <summary>
    /// max_iter and tol are settable but bounded (at least scikit-learn's 1000 sweeps, at most its 1e-4 tolerance
    /// ×10) so a tuner sampling them never buys speed with an unconverged fit.
    /// </summary>
    public HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Real("alpha", 1e-5, 10, 1.0, log: true),
        Hyperparameter.Real("l1_ratio", 0, 1, 0.5),
        Hyperparameter.Int("max_iter", 1000, 10_000, 1000, log: true),
        Hyperparameter.Real("tol", 1e-8, 1e-3, 1e-4, log: true),
    ]);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        var design = CenteredDesign.From(data);
        var result = CoordinateDescentSolver.Solve(design, h.Real("alpha"), h.Real("l1_ratio"), h.Int("max_iter"), h.Real("tol"), cancellationToken);
        return new LinearModel(Name, result.Coefficients, design.Intercept(result.Coefficients), result.Iterations, result.Converged);
    }

    public ITrainedModel Load(Stream stream) => LinearModel.Read(stream, Name);
}
