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
    public FeatureMatrix Transform(Frame frame) => Transform(frame, 0, frame.RowCount);

    /// <summary>
    /// Features of rows <c>start .. start + count</c> of <paramref name="frame"/>. Written into
    /// <paramref name="buffer"/> when it holds exactly <c>count × FeatureCount</c> values (batch scoring reuses one
    /// per slice across chunks), else into a new array.
    /// </summary>
    public FeatureMatrix Transform(Frame frame, int start, int count, double[]? buffer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, frame.RowCount, nameof(count));
        var width = FeatureCount;
        var values = buffer is not null && buffer.Length == count * width ? buffer : new double[count * width];
        var widths = Widths;
        var offset = 0;
        for (var i = 0; i < Encoders.Count; i++)
        {
            var encoder = Encoders[i];
            if (!frame.Contains(encoder.Column))
            {
                throw RaciflowException.Invalid($"Column '{encoder.Column}' is missing; the model needs: {string.Join(", ", InputColumns.Select(c => c.Name))}.", encoder.Column);
            }

            encoder.EncodeRows(frame[encoder.Column], start, count, values, width, offset);
            offset += widths[i];
        }

        return new FeatureMatrix(values, count, width, FeatureNames);
    }

    /// <summary>Features of one row of raw values by column name; an absent column counts as a missing value.</summary>
    public double[] TransformRow(IReadOnlyDictionary<string, object?> row)
    {
        var features = new double[FeatureCount];
        TransformRow(row, features);
        return features;
    }

    /// <summary>As above into <paramref name="features"/> (at least <see cref="FeatureCount"/> long), so a server can score a row without allocating.</summary>
    public void TransformRow(IReadOnlyDictionary<string, object?> row, Span<double> features)
    {
        var widths = Widths;
        var offset = 0;
        for (var i = 0; i < Encoders.Count; i++)
        {
            var encoder = Encoders[i];
            encoder.EncodeValue(row.GetValueOrDefault(encoder.Column), features.Slice(offset, widths[i]));
            offset += widths[i];
        }
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
