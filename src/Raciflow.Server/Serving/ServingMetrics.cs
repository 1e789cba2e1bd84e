using Prometheus;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Serving;

/// <summary>
/// The Prometheus metrics of serving, in a registry of this server's own (so two servers in one process, as in
/// tests, do not share counts): requests, rows and errors per model and version, latency, in-flight requests,
/// values the model treats specially, and alias swaps; and the process's own (CPU, memory, threads, garbage
/// collections and the time they paused the server), which is where a latency tail usually starts.
/// </summary>
public sealed class ServingMetrics : IPredictionMetrics
{
    public ServingMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("raciflow_prediction_requests_total", "Prediction requests by model, version and outcome (ok, invalid, error).", "model", "version", "outcome");
        Rows = factory.CreateCounter("raciflow_predicted_rows_total", "Rows predicted by model and version.", "model", "version");
        Latency = factory.CreateHistogram("raciflow_prediction_duration_seconds", "Time to answer a prediction request, by model and version.", new HistogramConfiguration
        {
            LabelNames = ["model", "version"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });
        InFlight = factory.CreateGauge("raciflow_prediction_requests_in_flight", "Prediction requests being answered now.");
        Notes = factory.CreateCounter("raciflow_prediction_input_notes_total", "Accepted values the model treats specially (out-of-range, unseen-category), by field.", "model", "version", "field", "kind");
        AliasSwaps = factory.CreateCounter("raciflow_alias_swaps_total", "Times a served alias moved to another version.", "model", "alias");
        Served = factory.CreateGauge("raciflow_served_version", "The version each alias serves now.", "model", "alias");
        DotNetStats.Register(Registry);
        var paused = factory.CreateGauge("dotnet_gc_pause_seconds_total", "Time the garbage collector has paused the process since it started.");
        var allocated = factory.CreateGauge("dotnet_gc_allocated_bytes_total", "Bytes the process has allocated on the managed heap since it started (the rate drives how often the collector runs).");
        Registry.AddBeforeCollectCallback(() =>
        {
            paused.Set(GC.GetTotalPauseDuration().TotalSeconds);
            allocated.Set(GC.GetTotalAllocatedBytes());
        });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), ServedModelMetrics> _byVersion = new();

    /// <summary>The labelled series of one served version, looked up once per request instead of once per metric.</summary>
    public ServedModelMetrics For(ServedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _byVersion.GetOrAdd((model.Name, model.Version), key =>
        {
            var version = key.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ServedModelMetrics(version, Requests.WithLabels(key.Item1, version, "ok"), Rows.WithLabels(key.Item1, version), Latency.WithLabels(key.Item1, version));
        });
    }

    public void RequestStarted() => InFlight.Inc();

    public void RequestEnded() => InFlight.Dec();

    public void Predicted(ServedModel model, int rows, TimeSpan latency, IReadOnlyList<InputNote> notes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(notes);
        var served = For(model);
        served.Ok.Inc();
        served.Rows.Inc(rows);
        served.Latency.Observe(latency.TotalSeconds);
        foreach (var note in notes)
        {
            Notes.WithLabels(model.Name, served.Version, note.Field, note.Kind).Inc();
        }
    }

    public void Refused(ServedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Requests.WithLabels(model.Name, For(model).Version, "invalid").Inc();
    }

    public void Failed(string model, string version) => Requests.WithLabels(model, version, "error").Inc();

    /// <summary>Exposes the prediction log's counters (enqueued, written, dropped, failed) at every scrape.</summary>
    public void ObservePredictionLog(Raciflow.Monitoring.PredictionLog.PredictionLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var gauge = Metrics.WithCustomRegistry(Registry).CreateGauge("raciflow_prediction_log_records", "Prediction log records by state since the server started.", "state");
        Registry.AddBeforeCollectCallback(() =>
        {
            var c = logger.Counters;
            gauge.WithLabels("enqueued").Set(c.Enqueued);
            gauge.WithLabels("written").Set(c.Written);
            gauge.WithLabels("dropped").Set(c.Dropped);
            gauge.WithLabels("failed").Set(c.Failed);
        });
    }

    public Counter Requests { get; }

    public Counter Rows { get; }

    public Histogram Latency { get; }

    public Gauge InFlight { get; }

    public Counter Notes { get; }

    public Counter AliasSwaps { get; }

    public Gauge Served { get; }
}
