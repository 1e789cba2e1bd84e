using Raciflow.Tracking;

namespace Raciflow.Server.Tracking;

/// <summary>Checks HTTP request bodies and turns them into core requests; a missing field is a 400 naming it.</summary>
internal static class TrackingRequests
{
    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw RaciflowException.Invalid($"The field '{field}' is required.", field);

    public static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw RaciflowException.Invalid($"The field '{field}' is required.", field);

    public static MetricPoint Metric(LogMetricRequest? request, string field)
    {
        request = Required(request, field);
        return new MetricPoint(Required(request.Key, field + ".key"), Required(request.Value, field + ".value"), request.Step ?? 0, request.Timestamp?.ToUniversalTime());
    }

    public static RunBatch Batch(LogBatchRequest? request)
    {
        request = Required(request, "body");
        return new RunBatch
        {
            Metrics = (request.Metrics ?? []).Select((m, i) => Metric(m, $"metrics[{i}]")).ToList(),
            Params = request.Params ?? [],
            Tags = request.Tags ?? [],
        };
    }

    public static StartRunOptions StartRun(CreateRunRequest? request, string? user)
    {
        request = Required(request, "body");
        return new StartRunOptions
        {
            Experiment = Required(request.Experiment, "experiment"),
            Name = request.Name,
            ParentRunId = request.ParentRunId,
            DatasetVersionId = request.DatasetVersionId,
            SplitId = request.SplitId,
            Tags = request.Tags,
            User = user,
            CaptureEnvironment = false,
            GitCommit = request.GitCommit,
            GitDirty = request.GitDirty,
            CommandLine = request.CommandLine,
            PackageVersions = request.PackageVersions,
        };
    }

    public static RunSearchRequest Search(SearchRunsRequest? request) => new()
    {
        Experiments = request?.Experiments,
        Filter = request?.Filter,
        OrderBy = request?.OrderBy,
        MaxResults = request?.MaxResults ?? 100,
        Offset = request?.Offset ?? 0,
    };
}
