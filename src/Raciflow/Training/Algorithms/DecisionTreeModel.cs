namespace Raciflow.Training.Algorithms;

/// <summary>A fitted CART tree: each row gets the value (regression) or class frequencies (classification) of its leaf.</summary>
public sealed class DecisionTreeModel : ITrainedModel
{
    private readonly int _columns;

    internal DecisionTreeModel(string algorithm, TaskKind task, int columns, CartTree tree)
    {
        Algorithm = algorithm;
        Task = task;
        _columns = columns;
        Tree = tree;
    }

    public string Algorithm { get; }

    public TaskKind Task { get; }

    public int OutputWidth => Tree.Width;

    public int NodeCount => Tree.NodeCount;

    public int Depth => Tree.Depth;

    internal CartTree Tree { get; }

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        TrainingDataGuard.CheckRow(features, _columns, output, OutputWidth);
        Tree.Leaf(features).CopyTo(output);
    }

    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        TrainingDataGuard.CheckBatch(features, _columns, output, OutputWidth);
        var width = OutputWidth;
        for (var i = 0; i < features.Rows; i++)
        {
            Tree.Leaf(features.Row(i)).CopyTo(output.Slice(i * width, width));
        }
    }

    public void Save(Stream stream)
    {
        using var writer = ModelFormat.OpenWriter(stream);
        ModelFormat.WriteHeader(writer, Algorithm, Task);
        writer.Write(_columns);
        Tree.Write(writer);
    }

    internal static DecisionTreeModel Read(Stream stream, string algorithm) =>
        ModelFormat.Read(stream, algorithm, (reader, task) =>
        {
            var columns = ModelFormat.ReadCount(reader, 1);
            var tree = CartTree.Read(reader, algorithm);
            return tree.FitsColumns(columns) ? new DecisionTreeModel(algorithm, task, columns, tree) : throw ModelFormat.Corrupt(algorithm, "a split names a feature beyond the stored width");
        });
}
