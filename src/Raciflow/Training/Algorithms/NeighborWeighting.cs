namespace Raciflow.Training.Algorithms;

/// <summary>How the k neighbours are combined: equally, or by inverse distance.</summary>
public enum NeighborWeighting
{
    Uniform,
    Distance,
}
