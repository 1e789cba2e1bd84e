namespace Raciflow.Monitoring.Drift;

/// <summary>Where a saved drift report lives in the artifact store: its JSON record and its HTML page.</summary>
public sealed record StoredDriftReport(string Subject, DateTimeOffset CreatedAt, string JsonKey, string HtmlKey);
