namespace Raciflow.Tracking;

/// <summary>Metrics, params and tags logged to one run in one transaction: all are stored or none.</summary>
public sealed record RunBatch
{
    public IReadOnlyList<MetricPoint> Metrics { get; init; } = [];

    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public int Count => Metrics.Count + Params.Count + Tags.Count;
}
