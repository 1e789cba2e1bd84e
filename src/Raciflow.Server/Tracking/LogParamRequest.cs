namespace Raciflow.Server.Tracking;

/// <summary>Body of POST /api/v1/runs/{runId}/params.</summary>
public sealed record LogParamRequest(string? Key, string? Value);
