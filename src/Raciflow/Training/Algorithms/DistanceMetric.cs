namespace Raciflow.Training.Algorithms;

/// <summary>How k-nearest neighbours measures closeness.</summary>
public enum DistanceMetric
{
    Euclidean,
    Manhattan,
}
