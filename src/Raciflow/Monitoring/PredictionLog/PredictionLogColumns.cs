namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Column names of the prediction-log files and of the frames read from them. In the files inputs and class
/// probabilities carry a prefix so that no input name can collide with the log's own columns.
/// </summary>
public static class PredictionLogColumns
{
    public const string RequestId = "request_id";
    public const string Time = "time";
    public const string LatencyMs = "latency_ms";
    public const string Status = "status";

    /// <summary>Which front door answered: <c>api</c> or <c>web-form</c> (files written before it existed have no such column: api).</summary>
    public const string Source = "source";

    /// <summary>The prediction in a frame: the value (regression) or the label (classification).</summary>
    public const string Prediction = "prediction";

    internal const string PredictionValue = "prediction_value";
    internal const string PredictionLabel = "prediction_label";
    internal const string InputPrefix = "input:";
    internal const string ProbabilityPrefix = "probability:";
}
