using Raciflow.Training;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// One served prediction as the server hands it to <see cref="PredictionLogger.TryLog"/>. Inputs are raw values by
/// column name (numbers, booleans, strings, null or JSON elements, as a request carries them); the output is null
/// when the request failed.
/// </summary>
public sealed record PredictionRecord
{
    public required string RequestId { get; init; }

    public required string Model { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset Time { get; init; }

    public double LatencyMs { get; init; }

    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    public ModelPrediction? Output { get; init; }

    public PredictionStatus Status { get; init; } = PredictionStatus.Ok;

    /// <summary>Which front door answered it (the API or the web form); drift windows leave the form out by default.</summary>
    public Serving.PredictionSource Source { get; init; } = Serving.PredictionSource.Api;
}
