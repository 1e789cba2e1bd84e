using System.Text.Json;
using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// The fitted preprocessing of a model: one encoder per input column, learnt from training rows only and stored
/// (as JSON) with the model so serving turns raw values into exactly the features the model was trained on.
/// </summary>
public sealed class FeaturePipeline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private string[]? _featureNames;

    public required IReadOnlyList<ColumnEncoder> Encoders { get; init; }

    /// <summary>The raw columns (and their types) a caller must supply.</summary>
    public required IReadOnlyList<ColumnSchema> InputColumns { get; init; }

    public IReadOnlyList<string> FeatureNames => _featureNames ??= Encoders.SelectMany(e => e.FeatureNames()).ToArray();

    public int FeatureCount => FeatureNames.Count;

    /// <summary>
    /// Fits encoders on <paramref name="trainingRows"/> (pass only the training rows): every column except the
    /// target, or the given feature columns.
    /// </summary>
    public static FeaturePipeline Fit(Frame trainingRows, string target, IReadOnlyList<string>? featureColumns = null, FeaturePipelineOptions? options = null)
    {
        options ??= new FeaturePipelineOptions();
        var names = featureColumns ?? trainingRows.Columns.Select(c => c.Name).Where(n => n != target).ToList();
        if (names.Contains(target))
        {
            throw RaciflowException.Invalid($"The target column '{target}' cannot also be a feature.", target);
        }

        var encoders = new List<ColumnEncoder>();
        var inputs = new List<ColumnSchema>();
        foreach (var name in names)
        {
            var column = trainingRows[name];
            ColumnEncoder? encoder = column.Type switch
            {
                ColumnType.Numeric or ColumnType.Integer or ColumnType.Boolean => NumericEncoder.Fit((NumericColumn)column),
                ColumnType.Categorical => CategoricalEncoder.Fit(column, options.MaxCategories),
                ColumnType.DateTime => DateTimeEncoder.Fit(column),
                ColumnType.Text when options.FeaturizeText => new TextEncoder { Column = name, Buckets = options.TextBuckets },
                _ => null,
            };
            if (encoder is not null)
            {
                encoders.Add(encoder);
                inputs.Add(new ColumnSchema(name, column.Type, column.MissingCount > 0));
            }
        }

        if (encoders.Count == 0)
        {
            throw RaciflowException.Invalid($"No usable feature columns besides the target '{target}'.", target);
        }

        return new FeaturePipeline { Encoders = encoders, InputColumns = inputs };
    }

    /// <summary>Features of every row of <paramref name="frame"/>, which must hold the input columns.</summary>
    public FeatureMatrix Transform(Frame frame)
    {
        var width = FeatureCount;
        var values = new double[frame.RowCount * width];
        var offset = 0;
        foreach (var encoder in Encoders)
        {
            if (!frame.Contains(encoder.Column))
            {
                throw RaciflowException.Invalid($"Column '{encoder.Column}' is missing; the model needs: {string.Join(", ", InputColumns.Select(c => c.Name))}.", encoder.Column);
            }

            encoder.EncodeColumn(frame[encoder.Column], values, width, offset);
            offset += encoder.FeatureNames().Count;
        }

        return new FeatureMatrix(values, frame.RowCount, width, FeatureNames);
    }

    /// <summary>Features of one row of raw values by column name; an absent column counts as a missing value.</summary>
    public double[] TransformRow(IReadOnlyDictionary<string, object?> row)
    {
        var features = new double[FeatureCount];
        var widths = Widths;
        var offset = 0;
        for (var i = 0; i < Encoders.Count; i++)
        {
            var encoder = Encoders[i];
            encoder.EncodeValue(row.GetValueOrDefault(encoder.Column), features.AsSpan(offset, widths[i]));
            offset += widths[i];
        }

        return features;
    }

    // Serving transforms one row per request: the encoders' widths are computed once, not per call.
    private int[]? _widths;

    private int[] Widths => _widths ??= Encoders.Select(e => e.FeatureNames().Count).ToArray();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FeaturePipeline FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FeaturePipeline>(json, Json) ?? throw RaciflowException.Invalid("The preprocessing pipeline JSON is empty.");
        }
        catch (JsonException ex)
        {
            throw new RaciflowException(ErrorKind.Invalid, $"The preprocessing pipeline JSON is invalid at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }
}
