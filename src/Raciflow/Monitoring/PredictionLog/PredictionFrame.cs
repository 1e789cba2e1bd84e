using Raciflow.Data;
using C = Raciflow.Monitoring.PredictionLog.PredictionLogColumns;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>Lays logged predictions out as a <see cref="Frame"/>: inputs, prediction, request id, time.</summary>
internal static class PredictionFrame
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { C.Prediction, C.RequestId, C.Time };

    public static Frame Build(IReadOnlyList<LoggedPrediction> rows)
    {
        var names = rows.SelectMany(r => r.Inputs.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var columns = new List<FrameColumn>(names.Count + 3);
        foreach (var name in names)
        {
            var values = rows.Select(r => r.Inputs.GetValueOrDefault(name)).ToArray();
            var columnName = Reserved.Contains(name) ? C.InputPrefix + name : name;
            columns.Add(values.All(v => v is null or double)
                ? new NumericColumn(columnName, ColumnType.Numeric, [.. values.Select(v => v is double d ? d : double.NaN)])
                : new StringColumn(columnName, ColumnType.Categorical, [.. values.Select(LoggedValue.ToText)]));
        }

        columns.Add(rows.Any(r => r.Output?.Label is not null)
            ? new StringColumn(C.Prediction, ColumnType.Categorical, [.. rows.Select(r => r.Output?.Label)])
            : new NumericColumn(C.Prediction, ColumnType.Numeric, [.. rows.Select(r => r.Output?.Value ?? double.NaN)]));
        columns.Add(new StringColumn(C.RequestId, ColumnType.Text, [.. rows.Select(r => (string?)r.RequestId)]));
        columns.Add(new DateTimeColumn(C.Time, [.. rows.Select(r => (DateTime?)r.Time)]));
        return new Frame(columns);
    }
}
