using Raciflow.Training.Algorithms;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Raciflow.Packaging.Onnx;

/// <summary>
/// A CART tree as one ai.onnx.ml TreeEnsembleRegressor with one target per output (the mean for regression, the
/// class frequencies for classification), so both tasks read the leaf the same way the tree does.
/// </summary>
internal static class CartTreeOnnx
{
    public static string Add(OnnxGraph graph, DecisionTreeModel model, string features)
    {
        var tree = model.Tree;
        var nodes = Enumerable.Range(0, tree.NodeCount).ToArray();
        var leaves = nodes.Where(n => tree.Feature[n] < 0).ToArray();
        var targets = leaves.SelectMany(n => Enumerable.Range(0, tree.Width).Select(k => (Node: n, Target: k))).ToArray();
        var floats = graph.Cast(features, DataType.Float);
        var scores = graph.MlNode("TreeEnsembleRegressor", "tree", [floats],
            OnnxGraph.Int("n_targets", tree.Width),
            OnnxGraph.Ints("nodes_treeids", nodes.Select(_ => 0L)),
            OnnxGraph.Ints("nodes_nodeids", nodes.Select(n => (long)n)),
            OnnxGraph.Ints("nodes_featureids", nodes.Select(n => (long)Math.Max(tree.Feature[n], 0))),
            OnnxGraph.Floats("nodes_values", nodes.Select(n => tree.Feature[n] < 0 ? 0f : (float)tree.Threshold[n])),
            OnnxGraph.Texts("nodes_modes", nodes.Select(n => tree.Feature[n] < 0 ? "LEAF" : "BRANCH_LEQ")),
            OnnxGraph.Ints("nodes_truenodeids", nodes.Select(n => tree.Feature[n] < 0 ? 0L : tree.Left[n])),
            OnnxGraph.Ints("nodes_falsenodeids", nodes.Select(n => tree.Feature[n] < 0 ? 0L : tree.Right[n])),
            OnnxGraph.Ints("target_treeids", targets.Select(_ => 0L)),
            OnnxGraph.Ints("target_nodeids", targets.Select(t => (long)t.Node)),
            OnnxGraph.Ints("target_ids", targets.Select(t => (long)t.Target)),
            OnnxGraph.Floats("target_weights", targets.Select(t => (float)tree.Values[(t.Node * tree.Width) + t.Target])),
            OnnxGraph.Text("aggregate_function", "SUM"),
            OnnxGraph.Text("post_transform", "NONE"));
        return graph.Cast(scores, DataType.Double);
    }
}
