namespace Raciflow.Governance;

/// <summary>What governed work returns: its value and the before/after summaries for the audit log.</summary>
public sealed record GovernedResult<T>(T Value, string? Before, string? After);
