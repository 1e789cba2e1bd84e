namespace Raciflow.Training.Algorithms;

/// <summary>How AdaBoost.R2 turns a row's absolute error, scaled to [0, 1] by the round's largest, into a loss.</summary>
internal enum AdaBoostR2Loss
{
    Linear,
    Square,
    Exponential,
}
