using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Performance;

/// <summary>A logged prediction joined with the actual outcome its feedback gave.</summary>
internal sealed record LabelledPrediction(LoggedPrediction Prediction, string Actual);
