namespace Raciflow.Monitoring.PredictionLog;

/// <summary>How a served request ended: a prediction was returned, or the model failed on the input.</summary>
public enum PredictionStatus
{
    Ok,
    Error,
}
