using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Ordinary least squares with an intercept, solved exactly (thin QR then SVD) with the minimum-norm solution on
/// rank-deficient designs, like scikit-learn's LinearRegression. Hand-written because ML.NET's OLS trainer needs
/// an MKL package the registry does not serve.
/// </summary>
public sealed class LinearRegressionAlgorithm : IAlgorithm
{
    public string Name => "linear";

    public string DisplayName => "Linear regression (ordinary least squares)";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression };

    public HyperparameterSpace SearchSpace(TaskKind task) => HyperparameterSpace.Empty;

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        cancellationToken.ThrowIfCancellationRequested();
        var design = CenteredDesign.From(data);
        var w = LeastSquaresSolver.Solve(design, alpha: 0);
        return new LinearModel(Name, w, design.Intercept(w));
    }

    public ITrainedModel Load(Stream stream) => LinearModel.Read(stream, Name);
}
