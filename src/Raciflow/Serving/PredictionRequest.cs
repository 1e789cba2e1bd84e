namespace Raciflow.Serving;

/// <summary>
/// One prediction request as a front door hands it to <see cref="PredictionService"/>: which model (its production
/// alias unless <see cref="Alias"/> or <see cref="Version"/> says otherwise), the payload, the request id that names
/// it in the log and in feedback, where it came from, and when the front door started on it (a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp, so the latency includes reading the body).
/// </summary>
public readonly record struct PredictionRequest(
    string Model,
    string? Alias,
    int? Version,
    PredictionPayload Payload,
    string RequestId,
    PredictionSource Source,
    long StartedAt);
