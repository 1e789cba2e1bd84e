namespace Raciflow.Training.Algorithms;

/// <summary>The ML.NET-backed algorithms of the catalog.</summary>
public static class MlNetAlgorithms
{
    /// <summary>Every ML.NET algorithm, each fitting with <paramref name="threadsPerFit"/> threads.</summary>
    public static IEnumerable<IAlgorithm> All(int threadsPerFit = 1) =>
    [
        new RandomForestAlgorithm { Threads = threadsPerFit },
        new LightGbmAlgorithm { Threads = threadsPerFit },
        new FastTreeAlgorithm { Threads = threadsPerFit },
        new GamAlgorithm { Threads = threadsPerFit },
        new LogisticRegressionAlgorithm { Threads = threadsPerFit },
    ];
}
