using Raciflow.Data;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Serving.Batch;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.ModelDrift;

/// <summary>
/// Drift of a served model: the reference is the training rows of the version (with the version's own predictions
/// on them as the output distribution); the current data is a window of logged predictions, a dataset version or a CSV/Parquet file.
/// Tests and thresholds come from the monitoring.drift section of raciflow.yaml.
/// </summary>
public sealed class ModelDriftService(Workspace workspace)
{
    public const string PredictionColumn = "prediction";

    public async Task<ModelDriftResult> AnalyzeAsync(ModelRef model, DriftCurrent current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(current);
        var registry = new ModelRegistry(workspace);
        var version = await registry.GetServedAsync(model, cancellationToken);
        var training = await registry.LoadTrainingRowsAsync(version, cancellationToken);
        if (training.RowCount == 0)
        {
            throw new RaciflowException(ErrorKind.Unprocessable, $"{version.Label} has no recorded training rows (its run names no dataset version), so there is no reference to compare with.") { Location = "model" };
        }

        var bundle = await registry.LoadBundleAsync(version, cancellationToken);
        var inputs = version.Signature.Inputs.Select(f => f.Name).ToList();
        var reference = WithPredictions(training, inputs, bundle);
        Frame currentRows;
        if (current.Dataset is { } dataset)
        {
            var datasets = new DatasetService(workspace);
            var frame = await datasets.LoadFrameAsync(await datasets.ResolveAsync(dataset, cancellationToken), cancellationToken);
            var missing = inputs.Where(c => !frame.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new RaciflowException(ErrorKind.Unprocessable, $"Dataset {dataset} lacks the model's inputs {string.Join(", ", missing)}.") { Location = "current" };
            }

            currentRows = WithPredictions(frame, inputs, bundle);
        }
        else if (current.File is { } file)
        {
            currentRows = WithPredictions(await BatchFrameReader.ReadInputsAsync(bundle, file, cancellationToken), inputs, bundle);
        }
        else
        {
            var from = current.From ?? throw RaciflowException.Invalid("Give a time window or a dataset to compare with.", "current");
            var to = current.To ?? workspace.Clock.GetUtcNow();
            var includeWebForm = workspace.Project?.Monitoring.Drift.IncludeWebForm ?? false;
            var logged = await new PredictionLogReader(workspace).ReadFrameAsync(version.Model, version.Version, from, to, current.MaxRows, includeWebForm, cancellationToken);
            if (logged.RowCount == 0)
            {
                throw RaciflowException.NotFound($"{version.Label} logged no predictions between {from:yyyy-MM-dd HH:mm} and {to:yyyy-MM-dd HH:mm} UTC; send traffic or compare with a dataset.");
            }

            currentRows = new Frame(inputs.Where(logged.Contains).Append(PredictionColumn).Where(logged.Contains).Select(c => logged[c]).ToList());
        }

        var options = DriftOptions.FromConfig(workspace.Project?.Monitoring.Drift ?? new Projects.DriftConfig()) with { PredictionColumn = PredictionColumn };
        var columns = inputs.Where(currentRows.Contains).Append(PredictionColumn).ToList();
        var report = DriftAnalyzer.Analyze(reference, currentRows, options, columns);
        return new ModelDriftResult(version, current.Describe(), report);
    }

    /// <summary>The model's inputs plus its own predictions on them, so the output distribution is compared too.</summary>
    private static Frame WithPredictions(Frame rows, IReadOnlyList<string> inputs, Training.ModelBundle bundle)
    {
        var raw = bundle.PredictRaw(rows);
        FrameColumn prediction;
        if (bundle.Task == Training.TaskKind.Regression)
        {
            prediction = new NumericColumn(PredictionColumn, ColumnType.Numeric, raw);
        }
        else
        {
            var width = bundle.Classes.Count;
            var labels = new string?[rows.RowCount];
            for (var r = 0; r < labels.Length; r++)
            {
                labels[r] = bundle.Classes[Training.Evaluation.ClassificationMetrics.ArgMax(raw.AsSpan(r * width, width))];
            }

            prediction = new StringColumn(PredictionColumn, ColumnType.Categorical, labels);
        }

        return new Frame(inputs.Where(rows.Contains).Select(c => rows[c]).Append(prediction).ToList());
    }
}
