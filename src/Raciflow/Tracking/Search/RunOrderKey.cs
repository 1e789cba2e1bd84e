namespace Raciflow.Tracking.Search;

/// <summary>One sort key, e.g. <c>metrics.r2 desc</c>.</summary>
public sealed record RunOrderKey(RunFilterSubject Subject, string Key, bool Descending);
