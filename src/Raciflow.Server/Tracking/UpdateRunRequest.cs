using Raciflow.Tracking;

namespace Raciflow.Server.Tracking;

/// <summary>Body of PATCH /api/v1/runs/{runId}: ends the run with a status and, for failures, an error message.</summary>
public sealed record UpdateRunRequest(RunStatus? Status, string? ErrorMessage, double? CpuSeconds, long? PeakMemoryBytes);
