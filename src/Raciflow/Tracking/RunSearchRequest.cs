namespace Raciflow.Tracking;

/// <summary>Which runs to find: experiments (none = all), a filter expression, an order and a page.</summary>
public sealed record RunSearchRequest
{
    public IReadOnlyList<string>? Experiments { get; init; }

    /// <summary>E.g. <c>metrics.r2 &gt; 0.8 and params.algorithm = 'lasso' and status = 'finished'</c>; see <see cref="RunFilter"/>.</summary>
    public string? Filter { get; init; }

    /// <summary>E.g. <c>metrics.r2 desc</c> or <c>start_time</c>; comma-separated for several keys; default newest first.</summary>
    public string? OrderBy { get; init; }

    public int MaxResults { get; init; } = 100;

    public int Offset { get; init; }
}
