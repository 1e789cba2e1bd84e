namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted linear regression, ŷ = b + w·x, shared by ordinary least squares, ridge, lasso and elastic net (they
/// differ in how w is found, not in how it predicts).
/// </summary>
public sealed class LinearModel : ITrainedModel
{
    private readonly double[] _coefficients;

    internal LinearModel(string algorithm, double[] coefficients, double intercept, int iterations = 0, bool converged = true)
    {
        Algorithm = algorithm;
        _coefficients = coefficients;
        Intercept = intercept;
        Iterations = iterations;
        Converged = converged;
    }

    public string Algorithm { get; }

    public TaskKind Task => TaskKind.Regression;

    public int OutputWidth => 1;

    /// <summary>One weight per feature, in the feature order of the training matrix.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    public double Intercept { get; }

    /// <summary>Coordinate-descent sweeps the fit took (0 for the closed forms).</summary>
    public int Iterations { get; }

    /// <summary>
    /// False when coordinate descent hit max_iter before its duality gap closed (scikit-learn's ConvergenceWarning):
    /// the coefficients are usable but not the optimum.
    /// </summary>
    public bool Converged { get; }

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        TrainingDataGuard.CheckRow(features, _coefficients.Length, output, 1);
        output[0] = Intercept + VectorMath.Dot(features, _coefficients);
    }

    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        TrainingDataGuard.CheckBatch(features, _coefficients.Length, output, 1);
        for (var i = 0; i < features.Rows; i++)
        {
            output[i] = Intercept + VectorMath.Dot(features.Row(i), _coefficients);
        }
    }

    public void Save(Stream stream)
    {
        using var writer = ModelFormat.OpenWriter(stream);
        ModelFormat.WriteHeader(writer, Algorithm, Task);
        ModelFormat.WriteDoubles(writer, _coefficients);
        writer.Write(Intercept);
        writer.Write(Iterations);
        writer.Write(Converged);
    }

    internal static LinearModel Read(Stream stream, string algorithm) =>
        ModelFormat.Read(stream, algorithm, (reader, _) =>
        {
            var coefficients = ModelFormat.ReadDoubles(reader);
            return new LinearModel(algorithm, coefficients, reader.ReadDouble(), reader.ReadInt32(), reader.ReadBoolean());
        });
}
