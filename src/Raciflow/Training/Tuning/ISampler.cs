namespace Raciflow.Training.Tuning;

/// <summary>Proposes a value in [0, 1] for one hyperparameter given the trials so far.</summary>
internal interface ISampler
{
    /// <param name="good">Unit-space values of this parameter in the best trials so far.</param>
    /// <param name="bad">Unit-space values in the other trials.</param>
    double Sample(Hyperparameter parameter, IReadOnlyList<double> good, IReadOnlyList<double> bad, Random random);
}
