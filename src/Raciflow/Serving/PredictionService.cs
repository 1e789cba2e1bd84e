using System.Diagnostics;
using System.Globalization;
using Raciflow.Serving.Batch;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>
/// The one prediction path: find the served model, decode the payload with the model's decoder (checked against its
/// signature), predict every row, refuse answers that are not finite numbers, count, and tell the observers (the
/// prediction log). The HTTP API, the web form, serve-only containers and batch scoring all come here; front doors
/// only read the request and render the <see cref="PredictionOutcome"/>. Thread-safe; one per process.
/// </summary>
public sealed class PredictionService(ServedModels models, InputLimits? limits = null, IPredictionMetrics? metrics = null, IPredictionObserver? observer = null)
{
    public ServedModels Models => models;

    public InputLimits Limits { get; } = limits ?? InputLimits.Default;

    /// <summary>
    /// Answers one request. Bad content is an outcome (Malformed, TooLarge, Invalid, Unpredictable), not an
    /// exception; an unknown model or version is a NotFound exception, and a model that fails its integrity check on
    /// load an Integrity one. Completes synchronously when the model is loaded, as it is after the first request.
    /// </summary>
    public async ValueTask<PredictionOutcome> PredictAsync(PredictionRequest request, CancellationToken cancellationToken = default)
    {
        metrics?.RequestStarted();
        try
        {
            var lookup = models.GetAsync(request.Model, request.Alias, request.Version, cancellationToken);
            var model = lookup.IsCompletedSuccessfully ? lookup.Result : await lookup;
            return Predict(model, request);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics?.Failed(request.Model, request.Version?.ToString(CultureInfo.InvariantCulture) ?? request.Alias ?? Registry.ModelAliases.Production);
            throw;
        }
        finally
        {
            metrics?.RequestEnded();
        }
    }

    /// <summary>
    /// Batch scoring: the same model resolution as a request (MODEL alone is its production alias), then the
    /// predictor's own file scoring. Rows whose prediction is not finite are left empty and counted.
    /// </summary>
    public async Task<BatchScoringResult> ScoreFileAsync(string model, string? alias, int? version, string inputPath, string outputPath, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var served = await models.ResolveAsync(model, alias, version, cancellationToken);
        return served.Predictor is IFilePredictor files
            ? await files.ScoreFileAsync(inputPath, outputPath, progress, cancellationToken)
            : throw new RaciflowException(ErrorKind.Unprocessable, $"{served.Label} cannot score files: its kind of model answers requests only.") { Location = "model" };
    }

    private PredictionOutcome Predict(ServedModel model, PredictionRequest request)
    {
        if (request.Payload.TooLargeLimit is { } limit)
        {
            return Refused(model, request, PredictionOutcomeKind.TooLarge, null, [],
                $"The body exceeds {limit / (1024 * 1024)} MB; score large files with 'raciflow predict'.");
        }

        var input = model.Predictor.Decoder.Decode(request.Payload, Limits);
        if (input.Malformed is { } malformed)
        {
            return Refused(model, request, PredictionOutcomeKind.Malformed, input, [], malformed);
        }

        if (input.Problems.Count > 0)
        {
            return Refused(model, request, PredictionOutcomeKind.Invalid, input, input.Problems, null);
        }

        var rows = input.Rows;
        var predictions = new ModelPrediction[rows.Count];
        List<InputProblem>? unpredictable = null;
        for (var i = 0; i < predictions.Length; i++)
        {
            var prediction = model.Predictor.Predict(rows[i]);
            predictions[i] = prediction;
            if (!IsFinite(prediction))
            {
                (unpredictable ??= []).AddRange(Unpredictable(input, i));
            }
        }

        if (unpredictable is not null)
        {
            return Refused(model, request, PredictionOutcomeKind.Unpredictable, input, unpredictable, null);
        }

        var latency = Stopwatch.GetElapsedTime(request.StartedAt);
        metrics?.Predicted(model, predictions.Length, latency, input.Notes);
        var outcome = new PredictionOutcome
        {
            Kind = PredictionOutcomeKind.Predicted,
            Model = model,
            RequestId = request.RequestId,
            Source = request.Source,
            Input = input,
            Predictions = predictions,
            Latency = latency,
        };
        observer?.Predicted(outcome);
        return outcome;
    }

    private PredictionOutcome Refused(ServedModel model, PredictionRequest request, PredictionOutcomeKind kind, ParsedInput? input, IReadOnlyList<InputProblem> problems, string? message)
    {
        metrics?.Refused(model);
        return new PredictionOutcome
        {
            Kind = kind,
            Model = model,
            RequestId = request.RequestId,
            Source = request.Source,
            Input = input ?? ParsedInput.None,
            Problems = problems,
            Message = message,
            Latency = Stopwatch.GetElapsedTime(request.StartedAt),
        };
    }

    private static bool IsFinite(ModelPrediction prediction)
    {
        if (prediction.Value is { } value && !double.IsFinite(value))
        {
            return false;
        }

        if (prediction.Probabilities is { } probabilities)
        {
            foreach (var (_, p) in probabilities)
            {
                if (!double.IsFinite(p))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Names what made row <paramref name="row"/>'s answer infinite or NaN: its values outside the training range (the
    /// only way valid, finite inputs get there), or the row itself when none is.
    /// </summary>
    private static IEnumerable<InputProblem> Unpredictable(ParsedInput input, int row)
    {
        var far = input.Notes.Where(n => n.Row == row && n.Kind == InputNote.OutOfRange).Select(n => n.Field).Distinct(StringComparer.Ordinal).ToList();
        if (far.Count == 0)
        {
            return [new InputProblem(input.RowPath(row), "the model's answer for this row is not a finite number; nothing was predicted.")];
        }

        return far.Select(field => new InputProblem(
            input.PathOf(row, field),
            $"{Describe(input.Rows[row].GetValueOrDefault(field))} is so far outside the training range that the model's answer is not a finite number; send a value nearer the range seen in training."));
    }

    private static string Describe(object? value) => value is double number ? number.ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
