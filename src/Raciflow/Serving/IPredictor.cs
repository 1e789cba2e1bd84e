using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>
/// A loaded model's answering part, one per served version: the decoder that reads its requests and the prediction
/// of one decoded row. Tabular bundles are <see cref="BundlePredictor"/>; another kind of model (images, an external
/// ONNX graph) brings its own predictor and decoder and is served, logged and counted by the same
/// <see cref="PredictionService"/>. Implementations are immutable and thread-safe: many requests call
/// <see cref="Predict"/> at once.
/// </summary>
public interface IPredictor
{
    /// <summary>Reads this model's requests (JSON/CSV/form rows checked against the signature, images, …).</summary>
    IInputDecoder Decoder { get; }

    /// <summary>The prediction of one row as the decoder produced it. Non-finite outputs are the service's to refuse.</summary>
    ModelPrediction Predict(IReadOnlyDictionary<string, object?> row);
}
