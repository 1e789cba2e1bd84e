using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Raciflow.Data;
using Raciflow.Packaging.Onnx;
using Raciflow.Training;
using Raciflow.Training.Preprocessing;

namespace Raciflow.Tests.Packaging.Onnx;

/// <summary>Scores a frame with an exported ONNX file in ONNX Runtime, feeding raw values as a non-.NET caller would.</summary>
internal static class OnnxScoring
{
    public static byte[] Export(ModelBundle bundle)
    {
        using var buffer = new MemoryStream();
        var result = OnnxExporter.TryExport(bundle, buffer);
        Assert.True(result.Exported, result.Reason);
        return buffer.ToArray();
    }

    /// <summary>Rows × width raw outputs (the value, or class probabilities) and the labels for classifiers.</summary>
    public static (double[] Raw, string[] Labels) Score(byte[] model, ModelBundle bundle, Frame frame)
    {
        using var session = new InferenceSession(model);
        var rows = frame.RowCount;
        var inputs = new List<NamedOnnxValue>();
        foreach (var encoder in bundle.Pipeline.Encoders)
        {
            var column = frame[encoder.Column];
            inputs.Add(encoder is NumericEncoder
                ? NamedOnnxValue.CreateFromTensor(encoder.Column, new DenseTensor<float>(((NumericColumn)column).Values.Select(v => (float)v).ToArray(), [rows, 1]))
                : NamedOnnxValue.CreateFromTensor(encoder.Column, new DenseTensor<string>(Enumerable.Range(0, rows).Select(r => column.Format(r) ?? string.Empty).ToArray(), [rows, 1])));
        }

        using var results = session.Run(inputs);
        if (bundle.Task == TaskKind.Regression)
        {
            return (results.Single(r => r.Name == OnnxExporter.PredictionOutput).AsEnumerable<double>().ToArray(), []);
        }

        return (results.Single(r => r.Name == OnnxExporter.ProbabilitiesOutput).AsEnumerable<double>().ToArray(),
            results.Single(r => r.Name == OnnxExporter.LabelOutput).AsEnumerable<string>().ToArray());
    }
}
