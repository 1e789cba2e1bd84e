using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Performance;

/// <summary>
/// Joins logged predictions with feedback: by request id first, then by each declared key column's value (all
/// predictions sharing a key value get its actual outcome). Predictions without feedback are left out.
/// </summary>
internal static class FeedbackJoin
{
    public static List<LabelledPrediction> Join(IEnumerable<LoggedPrediction> predictions, IEnumerable<PredictionFeedback> feedback)
    {
        var byColumn = feedback
            .GroupBy(f => f.KeyColumn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(f => f.KeyValue, f => f.Actual, StringComparer.Ordinal), StringComparer.Ordinal);
        var byRequest = byColumn.GetValueOrDefault(PredictionLogColumns.RequestId);
        var keyed = byColumn.Where(p => p.Key != PredictionLogColumns.RequestId).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var joined = new List<LabelledPrediction>();
        foreach (var prediction in predictions)
        {
            if (Actual(prediction, byRequest, keyed) is { } actual)
            {
                joined.Add(new LabelledPrediction(prediction, actual));
            }
        }

        return joined;
    }

    private static string? Actual(LoggedPrediction prediction, Dictionary<string, string>? byRequest, List<KeyValuePair<string, Dictionary<string, string>>> keyed)
    {
        if (byRequest is not null && byRequest.TryGetValue(prediction.RequestId, out var actual))
        {
            return actual;
        }

        foreach (var (column, values) in keyed)
        {
            if (LoggedValue.ToText(prediction.Inputs.GetValueOrDefault(column)) is { } key && values.TryGetValue(key, out actual))
            {
                return actual;
            }
        }

        return null;
    }
}
