namespace Raciflow.Training;

/// <summary>
/// A fitted predictor over preprocessed features. Thread-safe and cheap per call: the server, batch scoring
/// and evaluation all use it, so offline and online predictions are the same numbers.
/// </summary>
public interface ITrainedModel
{
    string Algorithm { get; }

    TaskKind Task { get; }

    /// <summary>1 for regression; the number of classes for classification.</summary>
    int OutputWidth { get; }

    /// <summary>
    /// Writes the prediction of one row: the value (regression) or class probabilities summing to 1
    /// (classification) into <paramref name="output"/> of length <see cref="OutputWidth"/>.
    /// </summary>
    void Predict(ReadOnlySpan<double> features, Span<double> output);

    /// <summary>Predicts many rows at once into a row-major buffer of <c>Rows × OutputWidth</c>; faster than row by row.</summary>
    void PredictBatch(FeatureMatrix features, Span<double> output);

    /// <summary>Writes the fitted state so that <see cref="IAlgorithm.Load"/> restores an identical model.</summary>
    void Save(Stream stream);
}
