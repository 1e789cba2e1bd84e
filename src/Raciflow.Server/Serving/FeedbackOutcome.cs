namespace Raciflow.Server.Serving;

/// <summary>One true outcome: the request id (or key value) and the actual value or label.</summary>
public sealed record FeedbackOutcome(string? Key, string? Actual, DateTimeOffset? Time);
