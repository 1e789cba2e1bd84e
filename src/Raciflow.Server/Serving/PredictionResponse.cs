using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Server.Serving;

/// <summary>
/// The documented shape of a prediction answer (OpenAPI): <see cref="PredictionJsonResult"/> writes it from the
/// service's outcome; notes list accepted values the model treats specially.
/// </summary>
public sealed record PredictionResponse(string Model, int Version, string RequestId, IReadOnlyList<ModelPrediction> Predictions, IReadOnlyList<InputNote>? Notes);
