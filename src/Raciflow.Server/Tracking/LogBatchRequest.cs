namespace Raciflow.Server.Tracking;

/// <summary>Body of POST /api/v1/runs/{runId}/batch: stored in one transaction, all or nothing.</summary>
public sealed record LogBatchRequest(List<LogMetricRequest>? Metrics, Dictionary<string, string>? Params, Dictionary<string, string>? Tags);
