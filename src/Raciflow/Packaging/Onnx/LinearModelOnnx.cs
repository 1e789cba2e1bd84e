using Raciflow.Training.Algorithms;

namespace Raciflow.Packaging.Onnx;

/// <summary>ŷ = b + X·w as MatMul and Add in double precision (linear, ridge, lasso, elastic net).</summary>
internal static class LinearModelOnnx
{
    public static string Add(OnnxGraph graph, LinearModel model, string features)
    {
        var weights = graph.Constant("weights", model.Coefficients.ToArray(), model.Coefficients.Count, 1);
        var product = graph.Node("MatMul", "product", [features, weights]);
        return graph.Node("Add", "value", [product, graph.Scalar("intercept", model.Intercept)]);
    }
}
