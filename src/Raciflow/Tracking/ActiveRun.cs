namespace Raciflow.Tracking;

/// <summary>
/// A run being executed by this process. Use with <c>await using</c>: call <see cref="CompleteAsync"/> on success;
/// disposing a run that was not completed marks it failed, with the error given to <see cref="FailAsync(Exception, CancellationToken)"/>
/// if any, so a crash never leaves a run "running" or looking successful. CPU time and peak memory are recorded at the end.
/// </summary>
public sealed class ActiveRun : IAsyncDisposable
{
    private const string NotCompleted = "The run's scope ended without CompleteAsync (an exception or an early return).";
    private readonly TrackingService _tracking;
    private readonly ResourceMeter _meter;
    private string? _error;

    internal ActiveRun(TrackingService tracking, RunSummary run, ResourceMeter meter)
    {
        _tracking = tracking;
        _meter = meter;
        Id = run.Id;
        Name = run.Name;
        Experiment = run.Experiment;
    }

    public string Id { get; }

    public string Name { get; }

    public string Experiment { get; }

    /// <summary>Running until ended; then how it ended.</summary>
    public RunStatus Status { get; private set; } = RunStatus.Running;

    public Task LogParamAsync(string key, string value, CancellationToken cancellationToken = default) =>
        _tracking.LogParamAsync(Id, key, value, cancellationToken);

    public Task LogParamsAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default) =>
        _tracking.LogBatchAsync(Id, new RunBatch { Params = values }, cancellationToken);

    public Task LogMetricAsync(string key, double value, long step = 0, CancellationToken cancellationToken = default) =>
        _tracking.LogMetricAsync(Id, key, value, step, null, cancellationToken);

    public Task LogBatchAsync(RunBatch batch, CancellationToken cancellationToken = default) =>
        _tracking.LogBatchAsync(Id, batch, cancellationToken);

    public Task SetTagAsync(string key, string value, CancellationToken cancellationToken = default) =>
        _tracking.SetTagAsync(Id, key, value, cancellationToken);

    public Task<ArtifactEntry> LogArtifactAsync(string path, Stream content, CancellationToken cancellationToken = default) =>
        _tracking.LogArtifactAsync(Id, path, content, cancellationToken);

    public Task<ArtifactEntry> LogArtifactFileAsync(string file, string? path = null, CancellationToken cancellationToken = default) =>
        _tracking.LogArtifactFileAsync(Id, file, path, cancellationToken);

    /// <summary>Starts a nested run (e.g. a tuning trial) in the same experiment.</summary>
    public Task<ActiveRun> StartChildRunAsync(string? name = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default) =>
        _tracking.StartRunAsync(new StartRunOptions { Experiment = Experiment, Name = name, ParentRunId = Id, Tags = tags }, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken = default) => EndAsync(RunStatus.Finished, null, cancellationToken);

    /// <summary>Marks the run failed now with the exception's type and message.</summary>
    public Task FailAsync(Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FailAsync($"{error.GetType().Name}: {error.Message}", cancellationToken);
    }

    public Task FailAsync(string error, CancellationToken cancellationToken = default)
    {
        _error = error;
        return EndAsync(RunStatus.Failed, error, cancellationToken);
    }

    /// <summary>Marks the run killed (stopped on purpose, e.g. a tuning trial pruned or Ctrl+C).</summary>
    public Task KillAsync(string? reason = null, CancellationToken cancellationToken = default) => EndAsync(RunStatus.Killed, reason, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Status == RunStatus.Running)
        {
            await EndAsync(RunStatus.Failed, _error ?? NotCompleted, CancellationToken.None);
        }
    }

    private async Task EndAsync(RunStatus status, string? error, CancellationToken cancellationToken)
    {
        if (Status != RunStatus.Running)
        {
            return;
        }

        await _tracking.EndRunAsync(Id, status, error, _meter.Stop(), cancellationToken);
        Status = status;
    }
}
