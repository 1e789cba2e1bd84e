using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.Feedback;

/// <summary>
/// Records ground truth for served predictions. Every row must name a prediction that was logged (by request id,
/// or by the value of a declared key column among the inputs) and carry an actual value of the model's kind; a
/// batch with any bad row is rejected whole, each error naming its row. A key seen again replaces its actual value.
/// </summary>
public sealed class FeedbackService(Workspace workspace)
{
    public const int MaxKeyLength = 400;
    private const int MaxListedErrors = 50;
    private const int KeysPerQuery = 500;

    /// <summary>Stores <paramref name="records"/> for <paramref name="model"/>; rows are numbered from 1 in errors.</summary>
    public async Task<FeedbackResult> RecordAsync(string model, IEnumerable<FeedbackRecord> records, string? keyColumn = null, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(model);
        var key = string.IsNullOrWhiteSpace(keyColumn) ? PredictionLogColumns.RequestId : keyColumn.Trim();
        var rows = records.ToList();
        if (rows.Count == 0)
        {
            throw RaciflowException.Invalid($"No feedback rows were given for model '{model}'.");
        }

        var logged = await new PredictionLogReader(workspace.Artifacts, workspace.Metadata).ReadAllAsync(model, cancellationToken);
        if (logged.Count == 0)
        {
            throw RaciflowException.NotFound($"Model '{model}' has no logged predictions, so there is nothing to give feedback on.");
        }

        var known = KnownKeys(model, key, logged);
        var numeric = logged.Any(r => r.Output?.Value is not null) && !logged.Any(r => r.Output?.Label is not null);
        var errors = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (Check(model, key, rows[i], i + 1, known, numeric) is { } error)
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            var shown = errors.Take(MaxListedErrors).ToList();
            throw new RaciflowException(ErrorKind.Unprocessable, $"{errors.Count} of {rows.Count} feedback rows for model '{model}' were rejected; nothing was recorded. First: {errors[0]}")
            {
                Details = errors.Count > shown.Count ? [.. shown, $"… and {errors.Count - shown.Count} more."] : shown,
            };
        }

        return await UpsertAsync(model, key, rows, cancellationToken);
    }

    /// <summary>The stored feedback of a model, optionally only that keyed by one column.</summary>
    public async Task<IReadOnlyList<PredictionFeedback>> ListAsync(string model, string? keyColumn = null, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(model);
        await using var db = workspace.Metadata.CreateContext();
        var query = db.Set<PredictionFeedback>().AsNoTracking().Where(f => f.Model == model);
        if (keyColumn is not null)
        {
            query = query.Where(f => f.KeyColumn == keyColumn);
        }

        return await query.OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }

    private static HashSet<string> KnownKeys(string model, string key, IReadOnlyList<LoggedPrediction> logged)
    {
        if (key == PredictionLogColumns.RequestId)
        {
            return logged.Select(r => r.RequestId).ToHashSet(StringComparer.Ordinal);
        }

        if (!logged.Any(r => r.Inputs.ContainsKey(key)))
        {
            var inputs = logged.SelectMany(r => r.Inputs.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw RaciflowException.Invalid($"Key column '{key}' is not an input of model '{model}''s logged predictions; inputs are: {string.Join(", ", inputs)}.", key);
        }

        return logged.Select(r => LoggedValue.ToText(r.Inputs.GetValueOrDefault(key))).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static string? Check(string model, string key, FeedbackRecord row, int number, HashSet<string> known, bool numeric)
    {
        var what = key == PredictionLogColumns.RequestId ? "request id" : $"key '{key}'";
        if (string.IsNullOrWhiteSpace(row.Key))
        {
            return $"row {number}: the {what} is empty.";
        }

        if (row.Key.Length > MaxKeyLength || row.Actual?.Length > MaxKeyLength)
        {
            return $"row {number}: the {what} and the actual value must be at most {MaxKeyLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(row.Actual))
        {
            return $"row {number} ({what} '{row.Key}'): the actual value is empty.";
        }

        if (numeric && !double.TryParse(row.Actual, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return $"row {number} ({what} '{row.Key}'): actual '{row.Actual}' is not a number; model '{model}' predicts numbers.";
        }

        return known.Contains(row.Key) ? null : $"row {number}: {what} '{row.Key}' was never logged for model '{model}'.";
    }

    private async Task<FeedbackResult> UpsertAsync(string model, string key, List<FeedbackRecord> rows, CancellationToken cancellationToken)
    {
        var now = LogTime.Of(workspace.Clock.GetUtcNow());

        // Within one upload the last row for a key wins, as a later upload would.
        var latest = new Dictionary<string, FeedbackRecord>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            latest[row.Key] = row;
        }

        await using var db = workspace.Metadata.CreateContext();
        var set = db.Set<PredictionFeedback>();
        var existing = new Dictionary<string, PredictionFeedback>(StringComparer.Ordinal);
        foreach (var chunk in latest.Keys.Chunk(KeysPerQuery))
        {
            foreach (var found in await set.Where(f => f.Model == model && f.KeyColumn == key && chunk.Contains(f.KeyValue)).ToListAsync(cancellationToken))
            {
                existing[found.KeyValue] = found;
            }
        }

        foreach (var (value, row) in latest)
        {
            var observed = row.Time is { } t ? LogTime.Of(t) : now;
            if (existing.TryGetValue(value, out var stored))
            {
                stored.Actual = row.Actual!.Trim();
                stored.ObservedAt = observed;
                stored.RecordedAt = now;
                stored.RecordedBy = workspace.Actor;
            }
            else
            {
                set.Add(new PredictionFeedback { Model = model, KeyColumn = key, KeyValue = value, Actual = row.Actual!.Trim(), ObservedAt = observed, RecordedAt = now, RecordedBy = workspace.Actor });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new RaciflowException(ErrorKind.Conflict, $"Feedback for model '{model}' was recorded by someone else at the same time; send it again. ({ex.GetBaseException().Message})", ex);
        }

        return new FeedbackResult(model, key, latest.Count - existing.Count, existing.Count);
    }
}
