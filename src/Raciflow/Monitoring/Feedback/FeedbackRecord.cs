namespace Raciflow.Monitoring.Feedback;

/// <summary>
/// The true outcome of one served prediction: its request id (or the value of the model's declared key column),
/// the actual value or label, and when it was observed (null: when it is recorded).
/// </summary>
public sealed record FeedbackRecord(string Key, string? Actual, DateTimeOffset? Time = null);
