namespace Raciflow.Training.Algorithms;

/// <summary>
/// The catalog entries written in Raciflow itself, for what ML.NET lacks; the training module combines them with
/// the ML.NET-backed ones in the <see cref="AlgorithmCatalog"/>.
/// </summary>
public static class HandWrittenAlgorithms
{
    public static IEnumerable<IAlgorithm> All() =>
    [
        new LinearRegressionAlgorithm(),
        new RidgeRegressionAlgorithm(),
        new LassoRegressionAlgorithm(),
        new ElasticNetAlgorithm(),
        new KNearestNeighborsAlgorithm(),
        new DecisionTreeAlgorithm(),
        new AdaBoostAlgorithm(),
        new GaussianNaiveBayesAlgorithm(),
    ];
}
