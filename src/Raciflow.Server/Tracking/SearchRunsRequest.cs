namespace Raciflow.Server.Tracking;

/// <summary>Body of POST /api/v1/runs/search (GET /api/v1/runs takes the same as query parameters).</summary>
public sealed record SearchRunsRequest(List<string>? Experiments, string? Filter, string? OrderBy, int? MaxResults, int? Offset);
