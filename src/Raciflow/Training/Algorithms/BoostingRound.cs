namespace Raciflow.Training.Algorithms;

/// <summary>
/// The outcome of one boosting round: the weighted error of the new estimator and the weight (say) it gets in
/// the ensemble.
/// </summary>
internal readonly record struct BoostingRound(double Error, double EstimatorWeight);
