using Microsoft.ML;
using Microsoft.ML.Data;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted ML.NET transformer behind <see cref="ITrainedModel"/>. Single rows go through pooled prediction
/// engines; batches through one <c>Transform</c> over a data view. Saved as a small header followed by the ML.NET
/// model zip.
/// </summary>
internal sealed class MlNetModel : ITrainedModel
{
    private const string Magic = "raciflow-mlnet-1";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly int _featureCount;
    private readonly PredictionEnginePool<ScoreOutput>? _scores;
    private readonly PredictionEnginePool<ProbabilityOutput>? _probabilities;
    private readonly PredictionEnginePool<ScoresOutput>? _classScores;
    private readonly CompiledForestRegression? _forest;

    public MlNetModel(string algorithm, TaskKind task, int outputWidth, int featureCount, MLContext ml, ITransformer transformer)
    {
        Algorithm = algorithm;
        Task = task;
        OutputWidth = outputWidth;
        _featureCount = featureCount;
        _ml = ml;
        _transformer = transformer;
        var schema = MlNetRows.Schema<FeatureRow>(featureCount);
        switch (task)
        {
            case TaskKind.Regression:
                _forest = CompiledForestRegression.TryCreate(transformer, featureCount);
                _scores = new(() => ml.Model.CreatePredictionEngine<FeatureRow, ScoreOutput>(transformer, inputSchemaDefinition: schema));
                break;
            case TaskKind.Binary:
                _probabilities = new(() => ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityOutput>(transformer, inputSchemaDefinition: schema));
                break;
            default:
                _classScores = new(() => ml.Model.CreatePredictionEngine<FeatureRow, ScoresOutput>(transformer, inputSchemaDefinition: schema));
                break;
        }
    }

    public string Algorithm { get; }

    public TaskKind Task { get; }

    public int OutputWidth { get; }

    /// <summary>The fitted transformer and its context, for exporters (ONNX) that convert it.</summary>
    internal MLContext Context => _ml;

    internal ITransformer Transformer => _transformer;

    internal int FeatureCount => _featureCount;

    /// <summary>An empty data view with the scoring schema (a fixed-size float vector "Features").</summary>
    internal IDataView EmptyScoringView() =>
        MlNetRows.Scoring(_ml, new FeatureMatrix([], 0, _featureCount, Enumerable.Range(0, _featureCount).Select(i => $"f{i}").ToArray()));

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        CheckWidth(features.Length);
        if (_forest is not null && _forest.TryPredict(features, out var score))
        {
            output[0] = score;
            return;
        }

        var row = new FeatureRow { Features = MlNetRows.ToFloats(features) };
        switch (Task)
        {
            case TaskKind.Regression:
                output[0] = _scores!.Predict(row).Score;
                break;
            case TaskKind.Binary:
                WriteBinary(_probabilities!.Predict(row).Probability, output);
                break;
            default:
                WriteClasses(_classScores!.Predict(row).Score, output);
                break;
        }
    }

    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        CheckWidth(features.Columns);
        if (_forest is not null)
        {
            PredictCompiled(_forest, features, output);
            return;
        }

        var scored = _transformer.Transform(MlNetRows.Scoring(_ml, features));
        switch (Task)
        {
            case TaskKind.Regression:
                var r = 0;
                foreach (var s in scored.GetColumn<float>("Score"))
                {
                    output[r++] = s;
                }

                break;
            case TaskKind.Binary:
                var b = 0;
                foreach (var p in scored.GetColumn<float>("Probability"))
                {
                    WriteBinary(p, output.Slice(b++ * 2, 2));
                }

                break;
            default:
                var m = 0;
                foreach (var v in scored.GetColumn<VBuffer<float>>("Score"))
                {
                    WriteClasses(v.DenseValues().ToArray(), output.Slice(m++ * OutputWidth, OutputWidth));
                }

                break;
        }
    }

    private void PredictCompiled(CompiledForestRegression forest, FeatureMatrix features, Span<double> output) =>
        forest.PredictBatch(features, output, r => ScoreWithMlNet(features.Row(r)));

    private double ScoreWithMlNet(ReadOnlySpan<double> features) => _scores!.Predict(new FeatureRow { Features = MlNetRows.ToFloats(features) }).Score;

    public void Save(Stream stream)
    {
        using var model = new MemoryStream();
        _ml.Model.Save(_transformer, EmptyScoringView().Schema, model);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Algorithm);
        writer.Write((int)Task);
        writer.Write(OutputWidth);
        writer.Write(_featureCount);
        writer.Write(model.Length);
        writer.Write(model.GetBuffer(), 0, (int)model.Length);
    }

    public static MlNetModel Load(string expectedAlgorithm, Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        string magic;
        try
        {
            magic = reader.ReadString();
        }
        catch (EndOfStreamException)
        {
            magic = string.Empty;
        }

        if (magic != Magic)
        {
            throw RaciflowException.Invalid($"The stream is not a saved '{expectedAlgorithm}' model (bad header).");
        }

        var algorithm = reader.ReadString();
        if (algorithm != expectedAlgorithm)
        {
            throw RaciflowException.Invalid($"The saved model is '{algorithm}', not '{expectedAlgorithm}'.");
        }

        var task = (TaskKind)reader.ReadInt32();
        var width = reader.ReadInt32();
        var featureCount = reader.ReadInt32();
        var bytes = reader.ReadBytes((int)reader.ReadInt64());
        var ml = new MLContext(0);
        using var model = new MemoryStream(bytes);
        var transformer = ml.Model.Load(model, out _);
        return new MlNetModel(algorithm, task, width, featureCount, ml, transformer);
    }

    private static void WriteBinary(float probability, Span<double> output)
    {
        var p = float.IsNaN(probability) ? 0.5 : Math.Clamp(probability, 0.0, 1.0);
        output[0] = 1 - p;
        output[1] = p;
    }

    private void WriteClasses(float[] scores, Span<double> output)
    {
        // One-versus-all and some boosters give scores that do not quite sum to 1; callers are promised probabilities.
        double sum = 0;
        for (var k = 0; k < OutputWidth; k++)
        {
            var s = k < scores.Length && float.IsFinite(scores[k]) ? Math.Max(scores[k], 0) : 0;
            output[k] = s;
            sum += s;
        }

        for (var k = 0; k < OutputWidth; k++)
        {
            output[k] = sum > 0 ? output[k] / sum : 1.0 / OutputWidth;
        }
    }

    private void CheckWidth(int width)
    {
        if (width != _featureCount)
        {
            throw RaciflowException.Invalid($"The '{Algorithm}' model expects {_featureCount} features, not {width}.");
        }
    }
}
