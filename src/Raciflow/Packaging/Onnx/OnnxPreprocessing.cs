using Onnx;
using Raciflow.Training.Preprocessing;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Raciflow.Packaging.Onnx;

/// <summary>
/// Exports a fitted <see cref="FeaturePipeline"/>: one graph input per raw column (float for numbers, string for
/// categories; NaN or an empty string is a missing value) and the same imputation, scaling and one-hot encoding as
/// the encoders, in double precision, ending in one <c>[N, features]</c> double tensor.
/// </summary>
internal static class OnnxPreprocessing
{
    /// <summary>Why the pipeline cannot be exported, or null when it can.</summary>
    public static string? Unsupported(FeaturePipeline pipeline) => pipeline.Encoders
        .Select(e => e switch
        {
            NumericEncoder or CategoricalEncoder => null,
            DateTimeEncoder => $"column '{e.Column}' is a date/time column; ONNX has no date parsing, so split it into numeric columns before training",
            TextEncoder => $"column '{e.Column}' is free text; its hashed bag-of-words has no ONNX equivalent",
            _ => $"column '{e.Column}' uses an encoder ({e.GetType().Name}) the ONNX export does not know",
        })
        .FirstOrDefault(reason => reason is not null);

    /// <summary>Adds the inputs and preprocessing nodes; returns the name of the feature tensor.</summary>
    public static string Add(OnnxGraph graph, FeaturePipeline pipeline)
    {
        var parts = new List<string>();
        foreach (var encoder in pipeline.Encoders)
        {
            switch (encoder)
            {
                case NumericEncoder numeric:
                    graph.Input(numeric.Column, DataType.Float, 1);
                    parts.AddRange(Numeric(graph, numeric));
                    break;
                case CategoricalEncoder categorical:
                    graph.Input(categorical.Column, DataType.String, 1);
                    parts.AddRange(Categorical(graph, categorical));
                    break;
                default:
                    throw new InvalidOperationException(Unsupported(pipeline));
            }
        }

        return graph.Node("Concat", "features", parts, OnnxGraph.Int("axis", 1));
    }

    private static IEnumerable<string> Numeric(OnnxGraph graph, NumericEncoder encoder)
    {
        var x = graph.Cast(encoder.Column, DataType.Double);
        var missing = graph.Node("Or", "missing", [graph.Node("IsNaN", "nan", [x]), graph.Node("IsInf", "inf", [x])]);
        var filled = graph.Node("Where", "imputed", [missing, graph.Scalar("median", encoder.Median), x]);
        var centred = graph.Node("Sub", "centred", [filled, graph.Scalar("mean", encoder.Mean)]);
        yield return graph.Node("Div", "scaled", [centred, graph.Scalar("scale", encoder.Scale)]);
        if (encoder.MissingIndicator)
        {
            yield return graph.Cast(missing, DataType.Double);
        }
    }

    /// <summary>
    /// Category → slot index with a LabelEncoder (unseen → the "other" slot, empty → the most frequent category's
    /// slot, as the encoder imputes), then one-hot by comparing the index with 0..C.
    /// </summary>
    private static IEnumerable<string> Categorical(OnnxGraph graph, CategoricalEncoder encoder)
    {
        var count = encoder.Categories.Count;
        var keys = encoder.Categories.Append(string.Empty).ToArray();
        var mostFrequentSlot = encoder.Categories.ToList().IndexOf(encoder.MostFrequent);
        var slots = Enumerable.Range(0, count).Select(i => (long)i).Append(mostFrequentSlot >= 0 ? mostFrequentSlot : count).ToArray();
        var index = graph.MlNode("LabelEncoder", "slot", [encoder.Column],
            OnnxGraph.Texts("keys_strings", keys), OnnxGraph.Ints("values_int64s", slots), OnnxGraph.Int("default_int64", count));
        var allSlots = graph.Constant("slots", Enumerable.Range(0, count + 1).Select(i => (long)i).ToArray(), count + 1);
        yield return graph.Cast(graph.Node("Equal", "one_hot", [index, allSlots]), DataType.Double);
        if (encoder.MissingIndicator)
        {
            var missing = graph.MlNode("LabelEncoder", "missing", [encoder.Column],
                OnnxGraph.Texts("keys_strings", [string.Empty]), OnnxGraph.Ints("values_int64s", [1]), OnnxGraph.Int("default_int64", 0));
            yield return graph.Cast(missing, DataType.Double);
        }
    }
}
