namespace Raciflow.Training.Tuning;

/// <summary>Uniform draws in unit space, i.e. log-uniform on log-scaled ranges.</summary>
internal sealed class RandomSampler : ISampler
{
    public double Sample(Hyperparameter parameter, IReadOnlyList<double> good, IReadOnlyList<double> bad, Random random) => random.NextDouble();
}
