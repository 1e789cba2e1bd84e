using System.Globalization;
using nietras.SeparatedValues;
using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Feedback;

/// <summary>
/// Reads feedback from a CSV file: a key column (<c>request_id</c>, or the declared key column), <c>actual</c>,
/// and optionally <c>time</c> (ISO 8601, when the outcome was observed). Errors name the file, line and column.
/// </summary>
public static class FeedbackCsv
{
    public const string ActualColumn = "actual";
    public const string TimeColumn = "time";

    public static IReadOnlyList<FeedbackRecord> Read(string path, string? keyColumn = null)
    {
        if (!File.Exists(path))
        {
            throw RaciflowException.NotFound($"Feedback file '{path}' does not exist.");
        }

        var key = string.IsNullOrWhiteSpace(keyColumn) ? PredictionLogColumns.RequestId : keyColumn.Trim();
        using var reader = Sep.Auto.Reader(o => o with { Unescape = true, Trim = SepTrim.All }).FromFile(path);
        var header = reader.Header;
        if (header.IsEmpty)
        {
            throw RaciflowException.Invalid($"Feedback file '{path}' is empty; it needs a header with columns {key} and {ActualColumn}.", path);
        }

        var names = header.ColNames;
        var keyIndex = Require(names, key, path);
        var actualIndex = Require(names, ActualColumn, path);
        var timeIndex = IndexOf(names, TimeColumn);
        var records = new List<FeedbackRecord>();
        foreach (var row in reader)
        {
            DateTimeOffset? time = null;
            if (timeIndex >= 0 && row[timeIndex].ToString() is { Length: > 0 } text)
            {
                time = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw RaciflowException.Invalid($"{path} line {row.LineNumberFrom}: column '{TimeColumn}' holds '{text}', which is not an ISO 8601 date and time.", $"{path}:{row.LineNumberFrom}");
            }

            records.Add(new FeedbackRecord(row[keyIndex].ToString(), row[actualIndex].ToString(), time));
        }

        return records;
    }

    private static int Require(IReadOnlyList<string> names, string column, string path)
    {
        var index = IndexOf(names, column);
        return index >= 0
            ? index
            : throw RaciflowException.Invalid($"Feedback file '{path}' has no column '{column}'; its columns are: {string.Join(", ", names)}.", path);
    }

    private static int IndexOf(IReadOnlyList<string> names, string column)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
