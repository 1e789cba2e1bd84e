namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted k-nearest-neighbours model: the training rows themselves, and how to combine the k nearest (mean or
/// inverse-distance mean for regression; weighted vote turned into probabilities for classification).
/// </summary>
public sealed class KNearestNeighborsModel : ITrainedModel
{
    private readonly double[] _rows;
    private readonly double[] _labels;
    private readonly int _columns;
    private readonly NearestNeighborSearch _search;

    internal KNearestNeighborsModel(string algorithm, TaskKind task, int classCount, double[] rows, double[] labels, int columns, int neighbors, NeighborWeighting weighting, DistanceMetric metric)
    {
        Algorithm = algorithm;
        Task = task;
        OutputWidth = task == TaskKind.Regression ? 1 : classCount;
        _rows = rows;
        _labels = labels;
        _columns = columns;
        Neighbors = Math.Min(neighbors, labels.Length);
        Weighting = weighting;
        Metric = metric;
        _search = new NearestNeighborSearch(rows, labels.Length, columns, metric);
    }

    public string Algorithm { get; }

    public TaskKind Task { get; }

    public int OutputWidth { get; }

    /// <summary>k, capped at the number of training rows.</summary>
    public int Neighbors { get; }

    public NeighborWeighting Weighting { get; }

    public DistanceMetric Metric { get; }

    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        TrainingDataGuard.CheckRow(features, _columns, output, OutputWidth);
        PredictInto(features, output, new int[Neighbors], new double[Neighbors]);
    }

    /// <summary>Rows in parallel, each with its own neighbour buffers; each row goes through the same code as <see cref="Predict"/>.</summary>
    public void PredictBatch(FeatureMatrix features, Span<double> output)
    {
        TrainingDataGuard.CheckBatch(features, _columns, output, OutputWidth);
        var results = new double[output.Length];
        var width = OutputWidth;
        Parallel.For(
            0,
            features.Rows,
            () => (Indices: new int[Neighbors], Distances: new double[Neighbors]),
            (i, _, buffers) =>
            {
                PredictInto(features.Row(i), results.AsSpan(i * width, width), buffers.Indices, buffers.Distances);
                return buffers;
            },
            _ => { });
        results.CopyTo(output);
    }

    public void Save(Stream stream)
    {
        using var writer = ModelFormat.OpenWriter(stream);
        ModelFormat.WriteHeader(writer, Algorithm, Task);
        writer.Write(OutputWidth);
        writer.Write(_columns);
        writer.Write(Neighbors);
        writer.Write((int)Weighting);
        writer.Write((int)Metric);
        ModelFormat.WriteDoubles(writer, _rows);
        ModelFormat.WriteDoubles(writer, _labels);
    }

    internal static KNearestNeighborsModel Read(Stream stream, string algorithm) =>
        ModelFormat.Read(stream, algorithm, (reader, task) =>
        {
            var width = ModelFormat.ReadCount(reader, 1);
            var columns = ModelFormat.ReadCount(reader, 1);
            var k = ModelFormat.ReadCount(reader, 1);
            var weighting = (NeighborWeighting)reader.ReadInt32();
            var metric = (DistanceMetric)reader.ReadInt32();
            var rows = ModelFormat.ReadDoubles(reader);
            var labels = ModelFormat.ReadDoubles(reader);
            if (rows.Length != labels.Length * columns || !Enum.IsDefined(weighting) || !Enum.IsDefined(metric))
            {
                throw ModelFormat.Corrupt(algorithm, "its stored rows, labels and settings disagree");
            }

            return new KNearestNeighborsModel(algorithm, task, width, rows, labels, columns, k, weighting, metric);
        });

    private void PredictInto(ReadOnlySpan<double> features, Span<double> output, int[] indices, double[] distances)
    {
        _search.Find(features, indices, distances);
        output.Clear();

        // Inverse-distance weights; an exact match takes all the weight (scikit-learn's rule), avoiding 1/0.
        var exact = Weighting == NeighborWeighting.Distance && distances[0] == 0;
        var total = 0.0;
        for (var j = 0; j < indices.Length; j++)
        {
            var weight = Weighting == NeighborWeighting.Uniform ? 1.0
                : exact ? (distances[j] == 0 ? 1.0 : 0.0)
                : 1.0 / distances[j];
            var label = _labels[indices[j]];
            if (Task == TaskKind.Regression)
            {
                output[0] += weight * label;
            }
            else
            {
                output[(int)label] += weight;
            }

            total += weight;
        }

        for (var c = 0; c < output.Length; c++)
        {
            output[c] /= total;
        }
    }
}
