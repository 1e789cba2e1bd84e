using Google.Protobuf;
using Onnx;
using Raciflow.Training;
using Raciflow.Training.Algorithms;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Raciflow.Packaging.Onnx;

/// <summary>
/// Exports a model bundle to one ONNX file that takes the RAW named columns (one <c>[N, 1]</c> input per column:
/// float for numbers, string for categories, NaN or "" when missing) and includes the fitted preprocessing, so a
/// caller feeds the same values as to the server. Outputs: <c>prediction</c> (double <c>[N, 1]</c>) for
/// regression; <c>label</c> (string <c>[N, 1]</c>) and <c>probabilities</c> (double <c>[N, classes]</c>, in the
/// bundle's class order) for classification.
/// </summary>
public static class OnnxExporter
{
    public const string PredictionOutput = "prediction";
    public const string LabelOutput = "label";
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>Writes the ONNX model to <paramref name="destination"/> when the bundle can be exported; writes nothing otherwise.</summary>
    public static OnnxExportResult TryExport(ModelBundle bundle, Stream destination)
    {
        var reason = OnnxPreprocessing.Unsupported(bundle.Pipeline);
        if (reason is not null)
        {
            return OnnxExportResult.NotSupported($"algorithm {bundle.Algorithm}: not supported because {reason}.");
        }

        ModelProto? converted = null;
        if (bundle.Model is MlNetModel mlNet)
        {
            (converted, reason) = MlNetModelOnnx.Convert(mlNet);
        }
        else if (bundle.Model is not (LinearModel or DecisionTreeModel))
        {
            reason = UnsupportedBecause(bundle.Model);
        }

        if (reason is not null)
        {
            return OnnxExportResult.NotSupported($"algorithm {bundle.Algorithm}: not supported because {reason}.");
        }

        var graph = new OnnxGraph();
        var features = OnnxPreprocessing.Add(graph, bundle.Pipeline);
        var raw = bundle.Model switch
        {
            LinearModel linear => LinearModelOnnx.Add(graph, linear, features),
            DecisionTreeModel tree => CartTreeOnnx.Add(graph, tree, features),
            _ => MlNetModelOnnx.Add(graph, converted!, bundle.Task, bundle.Model.OutputWidth, features),
        };
        AddOutputs(graph, bundle, raw);
        Model(graph, bundle, converted).WriteTo(destination);
        return OnnxExportResult.Success;
    }

    private static string UnsupportedBecause(ITrainedModel model) => model switch
    {
        KNearestNeighborsModel => "a nearest-neighbour search needs the whole training set in the graph and has no ai.onnx.ml operator",
        AdaBoostRegressionModel => "its weighted-median vote over trees has no ai.onnx.ml operator (the classification variant is not exported yet either)",
        AdaBoostClassificationModel => "its SAMME vote over trees is not exported yet",
        GaussianNaiveBayesModel => "its Gaussian likelihoods are not exported yet",
        _ => $"the ONNX export does not know its model type ({model.GetType().Name})",
    };

    private static void AddOutputs(OnnxGraph graph, ModelBundle bundle, string raw)
    {
        if (bundle.Task == TaskKind.Regression)
        {
            graph.Rename(raw, PredictionOutput);
            graph.Output(PredictionOutput, DataType.Double, 1);
            return;
        }

        // ArgMax keeps the first of tied classes, like ClassificationMetrics.ArgMax.
        var index = graph.Node("ArgMax", "class", [raw], OnnxGraph.Int("axis", 1), OnnxGraph.Int("keepdims", 1));
        var label = graph.MlNode("LabelEncoder", "class_name", [index],
            OnnxGraph.Ints("keys_int64s", Enumerable.Range(0, bundle.Classes.Count).Select(i => (long)i)),
            OnnxGraph.Texts("values_strings", bundle.Classes),
            OnnxGraph.Text("default_string", string.Empty));
        graph.Rename(label, LabelOutput);
        graph.Rename(raw, ProbabilitiesOutput);
        graph.Output(LabelOutput, DataType.String, 1);
        graph.Output(ProbabilitiesOutput, DataType.Double, bundle.Classes.Count);
    }

    private static ModelProto Model(OnnxGraph graph, ModelBundle bundle, ModelProto? converted)
    {
        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "Raciflow",
            ModelVersion = 1,
            DocString = $"{bundle.Algorithm} {bundle.Task.ToString().ToLowerInvariant()} model predicting '{bundle.Target}'.",
            Graph = graph.Proto,
        };

        // ML.NET's half brings its own opset imports; keep the highest version per domain.
        var opsets = new Dictionary<string, long> { [string.Empty] = MlNetModelOnnx.OpsetVersion, [OnnxGraph.MlDomain] = 2 };
        foreach (var opset in converted?.OpsetImport ?? [])
        {
            var domain = opset.Domain == "ai.onnx" ? string.Empty : opset.Domain;
            opsets[domain] = Math.Max(opsets.GetValueOrDefault(domain), opset.Version);
        }

        model.OpsetImport.AddRange(opsets.Select(kv => new OperatorSetIdProto { Domain = kv.Key, Version = kv.Value }));
        return model;
    }
}
