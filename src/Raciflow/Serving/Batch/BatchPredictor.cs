using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Predicts chunks: slices of rows go through the fitted pipeline and the model's batch prediction in parallel
/// (the bundle is thread-safe), each slice encoding its rows of the chunk in place and writing its own part of the
/// output. The feature and output buffers are kept from chunk to chunk, so a chunk's predictions are valid until
/// the next call.
/// </summary>
internal sealed class BatchPredictor(ModelBundle bundle)
{
    private const int MinimumSliceRows = 4096;

    private double[]?[] _features = [];
    private double[] _raw = [];
    private bool[] _unscored = [];

    public BatchPredictions Predict(BatchChunk chunk)
    {
        var width = bundle.Model.OutputWidth;
        if (_raw.Length < chunk.Rows * width)
        {
            _raw = new double[chunk.Rows * width];
        }

        var raw = _raw;
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, chunk.Rows / MinimumSliceRows));
        if (_features.Length != slices)
        {
            _features = new double[slices][];
        }

        var size = (chunk.Rows + slices - 1) / slices;
        Parallel.For(0, slices, s =>
        {
            var start = s * size;
            var count = Math.Min(size, chunk.Rows - start);
            if (count <= 0)
            {
                return;
            }

            var features = bundle.Pipeline.Transform(chunk.Columns, start, count, _features[s]);
            _features[s] = features.Values;
            bundle.Model.PredictBatch(features, raw.AsSpan(start * width, count * width));
        });

        return Checked(raw, chunk.Rows, width);
    }

    /// <summary>
    /// Marks the rows whose outputs are not all finite. A plain scan of the outputs: a million rows take about a
    /// millisecond, and the flags are only allocated (and kept) once a chunk has such a row.
    /// </summary>
    private BatchPredictions Checked(double[] raw, int rows, int width)
    {
        var count = 0;
        var values = raw.AsSpan(0, rows * width);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                if (count == 0)
                {
                    if (_unscored.Length < rows)
                    {
                        _unscored = new bool[rows];
                    }

                    Array.Clear(_unscored, 0, rows);
                }

                var row = i / width;
                if (!_unscored[row])
                {
                    _unscored[row] = true;
                    count++;
                }
            }
        }

        return count == 0 ? new BatchPredictions(bundle, raw, rows) : new BatchPredictions(bundle, raw, rows, _unscored, count);
    }
}
