using Raciflow.Registry;
using Raciflow.Serving.Batch;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>
/// A tabular model bundle served: requests are rows of named values (JSON, CSV, form fields) checked against the
/// version's signature by <see cref="TabularInputDecoder"/>; a row is predicted with
/// <see cref="ModelBundle.PredictRow"/>, a file with <see cref="BatchScorer"/>, so online and batch numbers are the same.
/// </summary>
public sealed class BundlePredictor : IPredictor, IFilePredictor
{
    public BundlePredictor(ModelBundle bundle, ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(signature);
        Bundle = bundle;
        Validator = new SignatureValidator(signature);
        Decoder = new TabularInputDecoder(Validator);
    }

    public ModelBundle Bundle { get; }

    /// <summary>Built once per loaded version: every request is checked against it.</summary>
    public SignatureValidator Validator { get; }

    public IInputDecoder Decoder { get; }

    public ModelPrediction Predict(IReadOnlyDictionary<string, object?> row) => Bundle.PredictRow(row);

    public Task<BatchScoringResult> ScoreFileAsync(string inputPath, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken) =>
        BatchScorer.ScoreAsync(Bundle, inputPath, outputPath, progress, cancellationToken);
}
