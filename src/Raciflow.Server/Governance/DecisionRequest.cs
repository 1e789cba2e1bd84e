namespace Raciflow.Server.Governance;

/// <summary>The optional body of approve and reject: a comment kept with the decision.</summary>
public sealed record DecisionRequest(string? Comment);
