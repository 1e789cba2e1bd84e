namespace Raciflow.Monitoring.Feedback;

/// <summary>
/// Stored ground truth for a model's predictions, keyed by request id or by a declared key column's value; a
/// later record for the same key replaces the actual value (last write wins).
/// </summary>
public sealed class PredictionFeedback
{
    public long Id { get; set; }

    public required string Model { get; set; }

    /// <summary><c>request_id</c>, or the name of the input column whose value identifies the prediction.</summary>
    public required string KeyColumn { get; set; }

    public required string KeyValue { get; set; }

    /// <summary>The actual value as the user gave it: a number for regression, a class label otherwise.</summary>
    public required string Actual { get; set; }

    public DateTime ObservedAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}
