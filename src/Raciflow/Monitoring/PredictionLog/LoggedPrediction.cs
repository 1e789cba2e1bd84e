using Raciflow.Training;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// One prediction read back from the log. Input values are doubles (numbers, booleans as 1/0), strings or null,
/// typed per column as logged.
/// </summary>
public sealed record LoggedPrediction(
    string RequestId,
    string Model,
    int Version,
    DateTime Time,
    double LatencyMs,
    PredictionStatus Status,
    IReadOnlyDictionary<string, object?> Inputs,
    ModelPrediction? Output)
{
    /// <summary>Which front door answered it: the API or the web form.</summary>
    public Serving.PredictionSource Source { get; init; } = Serving.PredictionSource.Api;
}
