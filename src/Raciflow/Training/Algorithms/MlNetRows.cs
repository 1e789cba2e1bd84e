using Microsoft.ML;
using Microsoft.ML.Data;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Builds ML.NET data views over a <see cref="FeatureMatrix"/>: a fixed-size float vector "Features", the label
/// typed per task (float, bool, or a key of the class count so every class keeps its slot even when a fold lacks
/// it) and an optional "Weight".
/// </summary>
internal static class MlNetRows
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";

    public static IDataView Training(MLContext ml, TrainingData data)
    {
        var width = data.Features.Columns;
        return data.Task switch
        {
            TaskKind.Regression => ml.Data.LoadFromEnumerable(
                Enumerable.Range(0, data.Rows).Select(r => new RegressionRow { Features = ToFloats(data.Features.Row(r)), Label = (float)data.Labels[r], Weight = WeightOf(data, r) }),
                Schema<RegressionRow>(width)),
            TaskKind.Binary => ml.Data.LoadFromEnumerable(
                Enumerable.Range(0, data.Rows).Select(r => new BinaryRow { Features = ToFloats(data.Features.Row(r)), Label = data.Labels[r] >= 0.5, Weight = WeightOf(data, r) }),
                Schema<BinaryRow>(width)),
            _ => ml.Data.LoadFromEnumerable(
                Enumerable.Range(0, data.Rows).Select(r => new MulticlassRow { Features = ToFloats(data.Features.Row(r)), Label = (uint)data.Labels[r], Weight = WeightOf(data, r) }),
                MulticlassSchema(width, data.ClassCount)),
        };
    }

    public static IDataView Scoring(MLContext ml, FeatureMatrix features) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, features.Rows).Select(r => new FeatureRow { Features = ToFloats(features.Row(r)) }), Schema<FeatureRow>(features.Columns));

    public static SchemaDefinition Schema<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public static float[] ToFloats(ReadOnlySpan<double> values)
    {
        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            floats[i] = (float)values[i];
        }

        return floats;
    }

    private static SchemaDefinition MulticlassSchema(int width, int classes)
    {
        var schema = Schema<MulticlassRow>(width);
        schema[Label].ColumnType = new KeyDataViewType(typeof(uint), classes);
        return schema;
    }

    private static float WeightOf(TrainingData data, int row) => data.Weights is null ? 1f : (float)data.Weights[row];
}
