using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.Performance;

/// <summary>
/// Performance over time: joins a model's logged predictions in [from, to) with their feedback and computes the
/// task's metrics per version per window. Windows start at <c>from</c> and are <c>window</c> long (the last one
/// may be cut at <c>to</c>); a point is returned for every version and window that served predictions.
/// </summary>
public sealed class PerformanceService(Workspace workspace)
{
    /// <summary>More windows than this would draw as noise and cost a query each; ask for a longer window.</summary>
    public const int MaxWindows = 10_000;

    /// <param name="maxRows">When set, only the newest that many predictions in the range (the alert rules bound their memory so).</param>
    public async Task<PerformanceSeries> ComputeAsync(string model, TimeSpan window, DateTimeOffset from, DateTimeOffset to, int? maxRows = null, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(model);
        if (window <= TimeSpan.Zero || to <= from)
        {
            throw RaciflowException.Invalid($"Performance windows need a positive length and a range that ends after it starts (window {window}, from {from:O}, to {to:O}).");
        }

        if ((to - from).Ticks / window.Ticks >= MaxWindows)
        {
            throw RaciflowException.Invalid($"{(to - from) / window:N0} windows of {window} between {from:O} and {to:O} is too many (at most {MaxWindows:N0}); choose a longer window.");
        }

        var reader = new PredictionLogReader(workspace.Artifacts, workspace.Metadata);
        var logged = (maxRows is { } limit
                ? await reader.ReadNewestAsync(model, null, from, to, limit, p => p.Status == PredictionStatus.Ok, cancellationToken)
                : await reader.ReadAsync(model, null, from, to, cancellationToken))
            .Where(p => p.Status == PredictionStatus.Ok).ToList();
        var task = WindowMetrics.TaskOf(logged);
        if (task is null)
        {
            return new PerformanceSeries(model, null, window, from, to, [], []);
        }

        var feedback = await new FeedbackService(workspace).ListAsync(model, cancellationToken: cancellationToken);
        var labelled = FeedbackJoin.Join(logged, feedback).ToLookup(l => l.Prediction, ReferenceEqualityComparer.Instance);
        var classes = WindowMetrics.ModelClasses(logged);
        var start = from.ToUniversalTime();
        var points = logged
            .GroupBy(p => (p.Version, Window: (new DateTimeOffset(p.Time, TimeSpan.Zero) - start).Ticks / window.Ticks))
            .OrderBy(g => g.Key.Version).ThenBy(g => g.Key.Window)
            .Select(g =>
            {
                var rows = g.SelectMany(p => labelled[p]).ToList();
                var windowStart = start + (window * g.Key.Window);
                var windowEnd = windowStart + window < to ? windowStart + window : to;
                return new PerformancePoint(g.Key.Version, windowStart, windowEnd, g.Count(), rows.Count, WindowMetrics.Compute(task.Value, rows, classes));
            })
            .ToList();
        return new PerformanceSeries(model, task, window, from, to, WindowMetrics.Names(task.Value), points);
    }
}
