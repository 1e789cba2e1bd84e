using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Serving;

/// <summary>The answer to a prediction request; notes list accepted values the model treats specially.</summary>
public sealed record PredictionResponse(string Model, int Version, string RequestId, IReadOnlyList<PredictionResult> Predictions, IReadOnlyList<InputNote>? Notes);
