namespace Raciflow.Server.Serving;

/// <summary>Body of <c>POST /models/{name}/feedback</c>; <see cref="KeyColumn"/> names an input column used as key instead of request ids.</summary>
public sealed record FeedbackRequest(IReadOnlyList<FeedbackOutcome>? Outcomes, string? KeyColumn);
