namespace Raciflow.Registry;

/// <summary>One alias move as the history shows it; <see cref="From"/> is null for a new alias, <see cref="To"/> for a removed one.</summary>
public sealed record AliasHistoryEntry(string Model, string Alias, int? From, int? To, string MovedBy, DateTime MovedAt, string? Reason);
