using Raciflow.Data;
using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Predicts one chunk: slices of rows go through the fitted pipeline and the model's batch prediction in
/// parallel (the bundle is thread-safe), each slice writing its own part of the output.
/// </summary>
internal static class BatchPredictor
{
    private const int MinimumSliceRows = 4096;

    public static BatchPredictions Predict(ModelBundle bundle, BatchChunk chunk)
    {
        var width = bundle.Model.OutputWidth;
        var raw = new double[chunk.Rows * width];
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, chunk.Rows / MinimumSliceRows));
        var size = (chunk.Rows + slices - 1) / slices;
        Parallel.For(0, slices, s =>
        {
            var start = s * size;
            var count = Math.Min(size, chunk.Rows - start);
            if (count <= 0)
            {
                return;
            }

            var frame = slices == 1 ? chunk.Columns : Slice(chunk.Columns, bundle, start, count);
            var features = bundle.Pipeline.Transform(frame);
            bundle.Model.PredictBatch(features, raw.AsSpan(start * width, count * width));
        });

        return new BatchPredictions(bundle, raw, chunk.Rows);
    }

    /// <summary>The model's input columns for rows start .. start + count (other columns are not needed to predict).</summary>
    private static Frame Slice(Frame frame, ModelBundle bundle, int start, int count)
    {
        var rows = Enumerable.Range(start, count).ToArray();
        return new Frame(bundle.InputSchema.Select(c => frame[c.Name].Take(rows)).ToList());
    }
}
