using Prometheus;

namespace Raciflow.Server.Serving;

/// <summary>The metric series of one served model version.</summary>
public sealed record ServedModelMetrics(string Version, Counter.Child Ok, Counter.Child Rows, Histogram.Child Latency);
