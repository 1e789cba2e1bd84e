using Google.Protobuf;
using Onnx;

namespace Raciflow.Packaging.Onnx;

/// <summary>
/// A small builder over the ONNX protobuf types (OnnxSharp): unique value names, constants as initializers and
/// one-line node creation, so the converters read as the computation they export rather than as protobuf plumbing.
/// </summary>
internal sealed class OnnxGraph
{
    public const string MlDomain = "ai.onnx.ml";

    private int _next;

    public GraphProto Proto { get; } = new() { Name = "raciflow" };

    /// <summary>A fresh intermediate name; the prefix keeps them apart from the raw column names used as inputs.</summary>
    public string NewName(string hint) => $"rf_{hint}_{_next++}";

    /// <summary>Adds a node with one output and returns that output's name.</summary>
    public string Node(string op, string hint, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        NodeIn(string.Empty, op, hint, inputs, attributes);

    /// <summary>Adds an ai.onnx.ml node with one output and returns that output's name.</summary>
    public string MlNode(string op, string hint, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        NodeIn(MlDomain, op, hint, inputs, attributes);

    public string Constant(string hint, double[] values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.Double, dims, t => t.DoubleData.AddRange(values));

    public string Constant(string hint, long[] values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.Int64, dims, t => t.Int64Data.AddRange(values));

    public string Scalar(string hint, double value) => Constant(hint, [value]);

    public string Cast(string input, TensorProto.Types.DataType to) =>
        Node("Cast", "cast", [input], Int("to", (long)to));

    public void Input(string name, TensorProto.Types.DataType type, params long[] fixedDims) =>
        Proto.Input.Add(ValueInfo(name, type, fixedDims));

    public void Output(string name, TensorProto.Types.DataType type, params long[] fixedDims) =>
        Proto.Output.Add(ValueInfo(name, type, fixedDims));

    /// <summary>Copies <paramref name="source"/> under a new name (ONNX graph outputs need their own names).</summary>
    public void Rename(string source, string name) =>
        Proto.Node.Add(new NodeProto { OpType = "Identity", Name = name + "_identity", Input = { source }, Output = { name } });

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, IEnumerable<long> values) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { values } };

    public static AttributeProto Floats(string name, IEnumerable<float> values) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Floats, Floats = { values } };

    public static AttributeProto Text(string name, string value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Texts(string name, IEnumerable<string> values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Strings, Strings = { values.Select(ByteString.CopyFromUtf8) } };

    private string NodeIn(string domain, string op, string hint, IEnumerable<string> inputs, AttributeProto[] attributes)
    {
        var output = NewName(hint);
        Proto.Node.Add(new NodeProto { OpType = op, Domain = domain, Name = output + "_node", Input = { inputs }, Output = { output }, Attribute = { attributes } });
        return output;
    }

    private string AddInitializer(string hint, TensorProto.Types.DataType type, long[] dims, Action<TensorProto> fill)
    {
        var tensor = new TensorProto { Name = NewName(hint), DataType = (int)type, Dims = { dims } };
        fill(tensor);
        Proto.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A tensor whose first dimension is the batch ("N") and the rest fixed.</summary>
    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] fixedDims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (var d in fixedDims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }
}
