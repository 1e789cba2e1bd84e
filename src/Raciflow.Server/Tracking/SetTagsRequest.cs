namespace Raciflow.Server.Tracking;

/// <summary>Body of PUT /api/v1/runs/{runId}/tags: tags to add or overwrite.</summary>
public sealed record SetTagsRequest(Dictionary<string, string>? Tags);
