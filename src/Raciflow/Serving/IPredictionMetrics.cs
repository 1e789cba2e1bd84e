namespace Raciflow.Serving;

/// <summary>
/// Where <see cref="PredictionService"/> counts requests (the server's Prometheus metrics). Every front door's requests
/// are counted the same way because they all go through the service. Calls are on the request's thread: no blocking.
/// </summary>
public interface IPredictionMetrics
{
    /// <summary>A request entered the service (in flight until <see cref="RequestEnded"/>).</summary>
    void RequestStarted();

    void RequestEnded();

    /// <summary>Every row was predicted.</summary>
    void Predicted(ServedModel model, int rows, TimeSpan latency, IReadOnlyList<Inputs.InputNote> notes);

    /// <summary>The request was refused for its content (400, 413, 422).</summary>
    void Refused(ServedModel model);

    /// <summary>The request failed for another reason (unknown model, a model that cannot be loaded, an exception); <paramref name="version"/> is the version or alias asked for.</summary>
    void Failed(string model, string version);
}
