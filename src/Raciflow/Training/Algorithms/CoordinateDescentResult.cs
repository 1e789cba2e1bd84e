namespace Raciflow.Training.Algorithms;

/// <summary>What coordinate descent found: the coefficients, the sweeps it took and whether the duality gap closed.</summary>
internal sealed record CoordinateDescentResult(double[] Coefficients, int Iterations, bool Converged);
