namespace Raciflow.Server.Tracking;

/// <summary>Body of POST /api/v1/experiments.</summary>
public sealed record CreateExperimentRequest(string? Name, Dictionary<string, string>? Tags);
