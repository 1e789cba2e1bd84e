using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Raciflow.Data;
using Raciflow.Training.Evaluation;
using Raciflow.Training.Preprocessing;
using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// Everything needed to predict from raw values: the fitted preprocessing, the trained model, the input schema,
/// the class labels and the metrics it was chosen on. Saved as one zip (manifest.json, pipeline.json, model.bin)
/// so a registry or server stores and loads it as a single artifact. Thread-safe for prediction.
/// </summary>
public sealed class ModelBundle
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Rows of up to this many features (or classes) are predicted in stack memory.</summary>
    private const int StackValues = 256;

    public required FeaturePipeline Pipeline { get; init; }

    public required ITrainedModel Model { get; init; }

    public required string Target { get; init; }

    /// <summary>Class names by class index; empty for regression.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    public required Hyperparameters Hyperparameters { get; init; }

    /// <summary>E.g. "cv_f1_macro", "validation_accuracy", "test_rmse".</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public string Algorithm => Model.Algorithm;

    public TaskKind Task => Model.Task;

    public IReadOnlyList<ColumnSchema> InputSchema => Pipeline.InputColumns;

    /// <summary>Raw outputs (values or probabilities), <c>rows × OutputWidth</c>, for every row of a frame.</summary>
    public double[] PredictRaw(Frame frame) => ModelEvaluator.Predict(Model, Pipeline.Transform(frame));

    public IReadOnlyList<ModelPrediction> Predict(Frame frame)
    {
        var raw = PredictRaw(frame);
        var width = Model.OutputWidth;
        return Enumerable.Range(0, frame.RowCount).Select(r => Describe(raw.AsSpan(r * width, width))).ToList();
    }

    /// <summary>The prediction for one row of raw values by column name (as a server receives them).</summary>
    public ModelPrediction PredictRow(IReadOnlyDictionary<string, object?> row)
    {
        // The server's per-request path: features and raw outputs live on the stack (heap only for very wide rows),
        // so a request allocates nothing here beyond the prediction it returns.
        var featureCount = Pipeline.FeatureCount;
        var features = featureCount <= StackValues ? stackalloc double[featureCount] : new double[featureCount];
        var width = Model.OutputWidth;
        var output = width <= StackValues ? stackalloc double[width] : new double[width];
        Pipeline.TransformRow(row, features);
        Model.Predict(features, output);
        return Describe(output);
    }

    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = new ModelBundleManifest(FormatVersion, Algorithm, Task, Target, Classes, Hyperparameters.Values, Metrics);
        Write(zip, "manifest.json", s => JsonSerializer.Serialize(s, manifest, Json));
        Write(zip, "pipeline.json", s => s.Write(System.Text.Encoding.UTF8.GetBytes(Pipeline.ToJson())));
        Write(zip, "model.bin", Model.Save);
    }

    /// <summary>Reads a bundle written by <see cref="Save"/>; the catalog supplies the algorithm that loads the model.</summary>
    public static ModelBundle Load(Stream stream, AlgorithmCatalog catalog)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var manifest = JsonSerializer.Deserialize<ModelBundleManifest>(Read(zip, "manifest.json"), Json)
                ?? throw RaciflowException.Invalid("The model bundle's manifest.json is empty.", "manifest.json");
            if (manifest.FormatVersion != FormatVersion)
            {
                throw RaciflowException.Invalid($"The model bundle has format version {manifest.FormatVersion}; this Raciflow reads version {FormatVersion}.", "manifest.json");
            }

            var pipeline = FeaturePipeline.FromJson(System.Text.Encoding.UTF8.GetString(Read(zip, "pipeline.json")));
            using var modelBytes = new MemoryStream(Read(zip, "model.bin"));
            var model = catalog.Get(manifest.Algorithm, manifest.Task).Load(modelBytes);
            return new ModelBundle
            {
                Pipeline = pipeline,
                Model = model,
                Target = manifest.Target,
                Classes = manifest.Classes,
                Hyperparameters = new Hyperparameters(manifest.Hyperparameters.ToDictionary(kv => kv.Key, kv => FromJson(kv.Value), StringComparer.Ordinal)),
                Metrics = manifest.Metrics,
            };
        }
        catch (InvalidDataException ex)
        {
            throw new RaciflowException(ErrorKind.Invalid, "The model bundle is not a valid zip archive.", ex);
        }
        catch (JsonException ex)
        {
            throw new RaciflowException(ErrorKind.Invalid, $"The model bundle's manifest.json is invalid at {ex.Path}: {ex.Message}", ex);
        }
    }

    private ModelPrediction Describe(ReadOnlySpan<double> output)
    {
        if (Task == TaskKind.Regression)
        {
            return new ModelPrediction(output[0], null, null);
        }

        var probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < Classes.Count; k++)
        {
            probabilities[Classes[k]] = output[k];
        }

        return new ModelPrediction(null, Classes[ClassificationMetrics.ArgMax(output)], probabilities);
    }

    private static object FromJson(object value) => value is JsonElement e
        ? e.ValueKind == JsonValueKind.Number ? e.GetDouble() : e.GetString() ?? string.Empty
        : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        write(entry);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw RaciflowException.Invalid($"The model bundle has no '{name}'.", name);
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return buffer.ToArray();
    }
}
