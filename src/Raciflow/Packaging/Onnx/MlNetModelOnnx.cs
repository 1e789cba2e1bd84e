using Microsoft.ML;
using Onnx;
using Raciflow.Training;
using Raciflow.Training.Algorithms;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Raciflow.Packaging.Onnx;

/// <summary>
/// An ML.NET model through ML.NET's own ONNX converter (Microsoft.ML.OnnxConverter), grafted behind the exported
/// preprocessing: its "Features" input is wired to our feature tensor and every other name is prefixed so the two
/// graphs cannot collide. Its outputs are then mapped the way <see cref="MlNetModel"/> maps them (probabilities
/// clamped and normalised).
/// </summary>
internal static class MlNetModelOnnx
{
    /// <summary>ML.NET's converter writes opsets 9–12; the whole graph uses its highest so the two halves agree.</summary>
    public const int OpsetVersion = 12;

    private const string Prefix = "mlnet_";

    /// <summary>Converts the model with ML.NET; returns why not when its converter refuses.</summary>
    public static (ModelProto? Model, string? Reason) Convert(MlNetModel model)
    {
        try
        {
            using var buffer = new MemoryStream();
            model.Context.Model.ConvertToOnnx(model.Transformer, model.EmptyScoringView(), OpsetVersion, buffer);
            return (ModelProto.Parser.ParseFrom(buffer.ToArray()), null);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or NotImplementedException)
        {
            return (null, $"ML.NET's ONNX converter refused it ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Adds the converted graph; returns the raw output (values or probabilities) as double.</summary>
    public static string Add(OnnxGraph graph, ModelProto converted, TaskKind task, int outputWidth, string features)
    {
        var source = converted.Graph;
        var floats = graph.Cast(features, DataType.Float);
        string Rename(string name) => name.Length == 0 ? name : name == MlNetRows.Features ? floats : Prefix + name;
        foreach (var tensor in source.Initializer)
        {
            var copy = tensor.Clone();
            copy.Name = Rename(tensor.Name);
            graph.Proto.Initializer.Add(copy);
        }

        foreach (var node in source.Node)
        {
            var copy = node.Clone();
            copy.Name = Prefix + node.Name;
            copy.Input.Clear();
            copy.Input.AddRange(node.Input.Select(Rename));
            copy.Output.Clear();
            copy.Output.AddRange(node.Output.Select(Rename));
            graph.Proto.Node.Add(copy);
        }

        return task switch
        {
            TaskKind.Regression => graph.Cast(Output(source, "Score", Rename), DataType.Double),
            TaskKind.Binary => BinaryProbabilities(graph, graph.Cast(Output(source, "Probability", Rename), DataType.Double)),
            _ => NormalisedScores(graph, graph.Cast(Output(source, "Score", Rename), DataType.Double), outputWidth),
        };
    }

    private static string Output(GraphProto source, string column, Func<string, string> rename)
    {
        var output = source.Output.Select(o => o.Name).FirstOrDefault(n => n == column + ".output" || n == column)
            ?? throw new InvalidOperationException($"ML.NET's ONNX graph has no '{column}' output; it has: {string.Join(", ", source.Output.Select(o => o.Name))}.");
        return rename(output);
    }

    /// <summary>[1 − p, p] with p clamped to [0, 1] and NaN read as 0.5, as the in-process model does.</summary>
    private static string BinaryProbabilities(OnnxGraph graph, string probability)
    {
        var p = graph.Node("Where", "p", [graph.Node("IsNaN", "nan", [probability]), graph.Scalar("half", 0.5), probability]);
        p = graph.Node("Clip", "clipped", [p, graph.Scalar("zero", 0), graph.Scalar("one", 1)]);
        p = graph.Node("Reshape", "column", [p, graph.Constant("shape", [-1L, 1L], 2)]);
        var q = graph.Node("Sub", "complement", [graph.Scalar("one", 1), p]);
        return graph.Node("Concat", "probabilities", [q, p], OnnxGraph.Int("axis", 1));
    }

    /// <summary>Negative or non-finite scores count as 0, then scores are divided by their sum (uniform when it is 0).</summary>
    private static string NormalisedScores(OnnxGraph graph, string scores, int classes)
    {
        var finite = graph.Node("Not", "finite", [graph.Node("Or", "bad", [graph.Node("IsNaN", "nan", [scores]), graph.Node("IsInf", "inf", [scores])])]);
        var kept = graph.Node("Relu", "positive", [graph.Node("Where", "finite_scores", [finite, scores, graph.Scalar("zero", 0)])]);
        var sum = graph.Node("ReduceSum", "sum", [kept], OnnxGraph.Ints("axes", [1]), OnnxGraph.Int("keepdims", 1));
        var positive = graph.Node("Greater", "has_mass", [sum, graph.Scalar("zero", 0)]);
        return graph.Node("Where", "probabilities", [positive, graph.Node("Div", "share", [kept, sum]), graph.Scalar("uniform", 1.0 / classes)]);
    }
}
