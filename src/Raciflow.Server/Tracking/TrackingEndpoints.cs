using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Raciflow.Governance.Authorization;
using Raciflow.Tracking;

namespace Raciflow.Server.Tracking;

/// <summary>
/// The tracking REST API: experiments, runs, metrics, params, tags and artifacts, so code outside Raciflow
/// (a notebook, a Python script) can log runs too. Handlers only translate HTTP to <see cref="TrackingService"/>.
/// </summary>
public static class TrackingEndpoints
{
    // Every tracking write is one governed action; the governance endpoint filter reads it from the metadata.
    private static readonly GovernedActionAttribute RunsLog = new(GovernedActions.RunsLog);

    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var experiments = api.MapGroup("/experiments").WithTags("Experiments");
        experiments.MapPost("/", CreateExperiment).WithName("CreateExperiment").WithMetadata(RunsLog).WithSummary("Create an experiment").ProducesProblem(StatusCodes.Status409Conflict);
        experiments.MapGet("/", ListExperiments).WithName("ListExperiments").WithSummary("List or search experiments by name");
        experiments.MapGet("/{name}", GetExperiment).WithName("GetExperiment").WithSummary("Get an experiment").ProducesProblem(StatusCodes.Status404NotFound);

        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", CreateRun).WithName("CreateRun").WithMetadata(RunsLog).WithSummary("Start a run (created on first use: the experiment)").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/", SearchRunsByQuery).WithName("ListRuns").WithSummary("Search runs with query parameters");
        runs.MapPost("/search", SearchRuns).WithName("SearchRuns").WithMetadata(new NotGovernedAttribute("a search: POST only because the filter is a body")).WithSummary("Search runs: filter expression, order, page");
        runs.MapGet("/compare", CompareRuns).WithName("CompareRuns").WithSummary("Params and latest metrics of runs side by side").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{runId}", GetRun).WithName("GetRun").WithSummary("Get a run with metrics, artifacts and lineage").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPatch("/{runId}", UpdateRun).WithName("UpdateRun").WithMetadata(RunsLog).WithSummary("End a run: finished, failed or killed").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/{runId}/metrics", LogMetric).WithName("LogMetric").WithMetadata(RunsLog).WithSummary("Log one metric point").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{runId}/metrics/{key}", MetricHistory).WithName("GetMetricHistory").WithSummary("All points of one metric").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/{runId}/params", LogParam).WithName("LogParam").WithMetadata(RunsLog).WithSummary("Log a param (immutable: another value is a 409)").ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/{runId}/batch", LogBatch).WithName("LogBatch").WithMetadata(RunsLog).WithSummary("Log metrics, params and tags in one transaction").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPut("/{runId}/tags", SetTags).WithName("SetTags").WithMetadata(RunsLog).WithSummary("Add or overwrite tags").ProducesProblem(StatusCodes.Status404NotFound);

        var artifacts = runs.MapGroup("/{runId}/artifacts").WithTags("Artifacts");
        artifacts.MapGet("/", ListArtifacts).WithName("ListArtifacts").WithSummary("List a run's artifacts").ProducesProblem(StatusCodes.Status404NotFound);
        artifacts.MapPut("/{**path}", UploadArtifact).WithName("UploadArtifact").WithMetadata(RunsLog).WithSummary("Upload an artifact (raw request body)")
            .Accepts<Stream>("application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        artifacts.MapGet("/{**path}", DownloadArtifact).WithName("DownloadArtifact").WithSummary("Download an artifact")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<ExperimentInfo>> CreateExperiment(CreateExperimentRequest? request, TrackingService tracking, CancellationToken ct)
    {
        request = TrackingRequests.Required(request, "body");
        var created = await tracking.CreateExperimentAsync(TrackingRequests.Required(request.Name, "name"), request.Tags, ct);
        return TypedResults.Created($"{RaciflowPaths.Experiments}/{Uri.EscapeDataString(created.Name)}", created);
    }

    private static async Task<Ok<IReadOnlyList<ExperimentInfo>>> ListExperiments(string? nameContains, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.ListExperimentsAsync(nameContains, ct));

    private static async Task<Ok<ExperimentInfo>> GetExperiment(string name, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.GetExperimentAsync(name, ct));

    private static async Task<Created<RunDetails>> CreateRun(CreateRunRequest? request, HttpContext http, TrackingService tracking, CancellationToken ct)
    {
        var user = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        var run = await tracking.CreateRunAsync(TrackingRequests.StartRun(request, user), ct);
        return TypedResults.Created($"{RaciflowPaths.Runs}/{run.Run.Id}", run);
    }

    private static async Task<Ok<IReadOnlyList<RunSummary>>> SearchRunsByQuery(
        string[]? experiment, string? filter, string? orderBy, int? maxResults, int? offset, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.SearchRunsAsync(TrackingRequests.Search(new SearchRunsRequest(experiment?.ToList(), filter, orderBy, maxResults, offset)), ct));

    private static async Task<Ok<IReadOnlyList<RunSummary>>> SearchRuns(SearchRunsRequest? request, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.SearchRunsAsync(TrackingRequests.Search(request), ct));

    private static async Task<Ok<RunComparison>> CompareRuns(string[]? ids, TrackingService tracking, CancellationToken ct)
    {
        var runIds = (ids ?? []).SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return TypedResults.Ok(await tracking.CompareRunsAsync(runIds, ct));
    }

    private static async Task<Ok<RunDetails>> GetRun(string runId, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.GetRunAsync(runId, ct));

    private static async Task<Ok<RunSummary>> UpdateRun(string runId, UpdateRunRequest? request, TrackingService tracking, CancellationToken ct)
    {
        request = TrackingRequests.Required(request, "body");
        var usage = request.CpuSeconds is { } cpu && request.PeakMemoryBytes is { } memory ? new ResourceUsage(cpu, memory) : null;
        return TypedResults.Ok(await tracking.EndRunAsync(runId, TrackingRequests.Required(request.Status, "status"), request.ErrorMessage, usage, ct));
    }

    private static async Task<NoContent> LogMetric(string runId, LogMetricRequest? request, TrackingService tracking, CancellationToken ct)
    {
        var point = TrackingRequests.Metric(request, "body");
        await tracking.LogMetricAsync(runId, point.Key, point.Value, point.Step, point.Timestamp, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MetricPoint>>> MetricHistory(string runId, string key, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.GetMetricHistoryAsync(runId, key, ct));

    private static async Task<NoContent> LogParam(string runId, LogParamRequest? request, TrackingService tracking, CancellationToken ct)
    {
        request = TrackingRequests.Required(request, "body");
        await tracking.LogParamAsync(runId, TrackingRequests.Required(request.Key, "key"), TrackingRequests.Required(request.Value, "value"), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogBatch(string runId, LogBatchRequest? request, TrackingService tracking, CancellationToken ct)
    {
        await tracking.LogBatchAsync(runId, TrackingRequests.Batch(request), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetTags(string runId, SetTagsRequest? request, TrackingService tracking, CancellationToken ct)
    {
        request = TrackingRequests.Required(request, "body");
        await tracking.SetTagsAsync(runId, TrackingRequests.Required(request.Tags, "tags"), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ArtifactEntry>>> ListArtifacts(string runId, string? prefix, TrackingService tracking, CancellationToken ct) =>
        TypedResults.Ok(await tracking.ListArtifactsAsync(runId, prefix, ct));

    private static async Task<Created<ArtifactEntry>> UploadArtifact(string runId, string path, HttpRequest request, TrackingService tracking, CancellationToken ct)
    {
        var entry = await tracking.LogArtifactAsync(runId, path, request.Body, ct);
        return TypedResults.Created($"{RaciflowPaths.Runs}/{runId}/artifacts/{entry.Path}", entry);
    }

    private static async Task<FileStreamHttpResult> DownloadArtifact(string runId, string path, TrackingService tracking, CancellationToken ct)
    {
        var (entry, content) = await tracking.OpenArtifactAsync(runId, path, ct);
        return TypedResults.Stream(content, "application/octet-stream", Path.GetFileName(entry.Path), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{entry.Sha256}\""));
    }
}
