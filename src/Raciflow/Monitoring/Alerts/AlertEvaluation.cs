namespace Raciflow.Monitoring.Alerts;

/// <summary>
/// One evaluation of a model's rules: the alerts it opened or updated, and the rules it could not evaluate with
/// why (e.g. no logged traffic to compute drift on) — skipped, not failed, so one rule never hides the others.
/// </summary>
public sealed record AlertEvaluation(
    string Model,
    int? Version,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<Alert> Opened,
    IReadOnlyList<Alert> Updated,
    IReadOnlyDictionary<string, string> Skipped)
{
    public IEnumerable<Alert> Firing => Opened.Concat(Updated);
}
