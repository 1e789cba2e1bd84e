using Raciflow.Serving;

namespace Raciflow.Server.Serving;

/// <summary>An answered prediction request: the model, the checked inputs, the outputs and how long it took.</summary>
public sealed record PredictionEvent(ServedModel Model, string RequestId, IReadOnlyList<IReadOnlyDictionary<string, object?>> Inputs, IReadOnlyList<PredictionResult> Outputs, TimeSpan Latency);
