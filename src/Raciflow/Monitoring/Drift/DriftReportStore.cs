using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Raciflow.Monitoring.Drift.Reporting;
using Raciflow.Storage;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Keeps drift reports in the artifact store under <c>monitoring/drift/{subject}/{UTC time}/</c>: the HTML page
/// first, then the JSON record, so a listed report always has its page. A report is never overwritten.
/// </summary>
public sealed partial class DriftReportStore(IArtifactStore artifacts, TimeProvider clock)
{
    private const string Root = "monitoring/drift";
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public DriftReportStore(Workspace workspace)
        : this(workspace.Artifacts, workspace.Clock)
    {
    }

    /// <summary>Saves a report about <paramref name="subject"/> (e.g. a model version, <c>churn@3</c>) at the clock's current time.</summary>
    public async Task<StoredDriftReport> SaveAsync(DriftReport report, string subject, CancellationToken cancellationToken = default)
    {
        ValidateSubject(subject);
        var now = clock.GetUtcNow();
        var folder = $"{Root}/{subject}/{now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}";
        var stored = new StoredDriftReport(subject, now, $"{folder}/report.json", $"{folder}/report.html");
        if (await artifacts.ExistsAsync(stored.JsonKey, cancellationToken))
        {
            throw RaciflowException.Conflict($"A drift report for '{subject}' already exists at {stored.JsonKey}; reports are never overwritten.");
        }

        await PutTextAsync(stored.HtmlKey, DriftHtmlReport.Render(report, $"Drift report: {subject}", now), cancellationToken);
        await PutTextAsync(stored.JsonKey, DriftReportJson.Serialize(report), cancellationToken);
        return stored;
    }

    public async Task<DriftReport> LoadAsync(string jsonKey, CancellationToken cancellationToken = default)
    {
        await using var stream = await artifacts.OpenReadAsync(ArtifactKey.Validate(jsonKey), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return DriftReportJson.Deserialize(await reader.ReadToEndAsync(cancellationToken), jsonKey);
    }

    /// <summary>The saved reports about <paramref name="subject"/>, oldest first.</summary>
    public async IAsyncEnumerable<StoredDriftReport> ListAsync(string subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateSubject(subject);
        await foreach (var info in artifacts.ListAsync($"{Root}/{subject}/", cancellationToken))
        {
            var parts = info.Key.Split('/');
            if (parts.Length == 5 && parts[4] == "report.json"
                && DateTimeOffset.TryParseExact(parts[3], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
            {
                var folder = string.Join('/', parts[..4]);
                yield return new StoredDriftReport(subject, createdAt, info.Key, $"{folder}/report.html");
            }
        }
    }

    private async Task PutTextAsync(string key, string text, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await artifacts.PutAsync(key, content, cancellationToken);
    }

    private static void ValidateSubject(string subject)
    {
        if (!SubjectPattern().IsMatch(subject))
        {
            throw RaciflowException.Invalid($"Drift report subject '{subject}' must be 1–120 letters, digits, '.', '_', '-' or '@' (as in model@version), starting with a letter or digit.", subject);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,119}$")]
    private static partial Regex SubjectPattern();
}
