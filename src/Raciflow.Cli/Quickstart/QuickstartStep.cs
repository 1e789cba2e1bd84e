namespace Raciflow.Cli.Quickstart;

/// <summary>One finished step of the quickstart: who did what, as which role, and what came of it.</summary>
public sealed record QuickstartStep(string Title, string? Member, string? Role, string Outcome);
