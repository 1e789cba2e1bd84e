using System.Globalization;
using System.Text;
using Raciflow.Data;
using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Workspaces;

namespace Raciflow.Workflows.Retraining;

/// <summary>
/// retraining.include_feedback: the reference rows (the dataset version the champion trained on) plus every
/// prediction served since that version was made whose true outcome came back as feedback, added as a new version
/// of the same dataset (content-addressed, so unchanged feedback gives back the same version). The feedback rows
/// take their inputs from the prediction log and their target from the feedback, in log order.
/// </summary>
internal sealed class FeedbackDatasetBuilder(Workspace workspace)
{
    /// <summary>The new version and how many feedback rows it added; null when no labelled prediction is newer than the reference.</summary>
    public async Task<(DatasetVersion Version, int FeedbackRows)?> BuildAsync(string model, string target, DatasetVersion reference, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(reference.CreatedAt, DateTimeKind.Utc));
        var until = workspace.Clock.GetUtcNow().AddSeconds(1);
        if (until <= since)
        {
            return null;
        }

        var logged = (await new PredictionLogReader(workspace).ReadAsync(model, null, since, until, cancellationToken))
            .Where(p => p.Status == PredictionStatus.Ok)
            .OrderBy(p => p.Time).ThenBy(p => p.RequestId, StringComparer.Ordinal)
            .ToList();
        var labelled = FeedbackJoin.Join(logged, await new FeedbackService(workspace).ListAsync(model, cancellationToken: cancellationToken));
        if (labelled.Count == 0)
        {
            return null;
        }

        var datasets = new DatasetService(workspace);
        var frame = await datasets.LoadFrameAsync(reference, cancellationToken);
        if (!frame.Contains(target))
        {
            throw new RaciflowException(ErrorKind.Unprocessable, $"{reference.Label} has no column '{target}', the target the model was trained on, so feedback cannot be added to it.") { Location = target };
        }

        var file = Path.Combine(Path.GetTempPath(), $"raciflow-feedback-{Guid.NewGuid():N}.csv");
        try
        {
            await WriteCsvAsync(file, frame, labelled, target, cancellationToken);
            var added = await datasets.AddAsync(file, reference.Dataset!.Name, cancellationToken: cancellationToken);
            return (added.Version, labelled.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task WriteCsvAsync(string file, Frame frame, IReadOnlyList<LabelledPrediction> labelled, string target, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        var columns = frame.Columns;
        await writer.WriteAsync(string.Join(',', columns.Select(c => CsvField.Quote(c.Name))).AsMemory(), cancellationToken);
        await writer.WriteAsync('\n');
        var line = new StringBuilder();
        for (var row = 0; row < frame.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                line.Append(c == 0 ? string.Empty : ",").Append(CsvField.Quote(columns[c].Format(row)));
            }

            await writer.WriteAsync(line.Append('\n'), cancellationToken);
        }

        foreach (var row in labelled)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Name == target ? row.Actual : Cell(column, row.Prediction.Inputs.GetValueOrDefault(column.Name));
                line.Append(c == 0 ? string.Empty : ",").Append(CsvField.Quote(value));
            }

            await writer.WriteAsync(line.Append('\n'), cancellationToken);
        }
    }

    /// <summary>A logged value written as the reference column writes its values (the log keeps booleans as 1/0).</summary>
    private static string? Cell(FrameColumn column, object? logged) => (column.Type, logged) switch
    {
        (_, null) => null,
        (ColumnType.Boolean, double d) => d != 0 ? "true" : "false",
        (ColumnType.Integer, double d) when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => LoggedValue.ToText(logged),
    };
}
