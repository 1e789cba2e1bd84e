using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>
/// The predictions of one chunk as output columns: <c>prediction</c> (the value, or the class) and, for
/// classifiers, <c>probability_&lt;class&gt;</c> per class. A row whose outputs are not all finite (inputs so far
/// outside the training range that the arithmetic overflows) is unscored: the writers leave its cells empty.
/// </summary>
internal sealed class BatchPredictions(ModelBundle bundle, double[] raw, int rows, bool[]? unscored = null, int unscoredCount = 0)
{
    public const string PredictionColumn = "prediction";

    public int Rows { get; } = rows;

    public bool IsRegression => bundle.Task == TaskKind.Regression;

    public int Width { get; } = bundle.Model.OutputWidth;

    public IReadOnlyList<string> Classes => bundle.Classes;

    /// <summary>Rows × width: values or class probabilities.</summary>
    public double[] Raw { get; } = raw;

    /// <summary>Rows of this chunk with no finite prediction.</summary>
    public int UnscoredCount { get; } = unscoredCount;

    /// <summary>The first unscored row of the chunk, or -1.</summary>
    public int FirstUnscored => unscored is null ? -1 : Array.IndexOf(unscored, true, 0, Rows);

    public bool IsUnscored(int row) => unscored is not null && unscored[row];

    public static IReadOnlyList<string> ColumnNames(ModelBundle bundle) =>
        [PredictionColumn, .. bundle.Classes.Select(c => "probability_" + c)];

    /// <summary>The class index row <paramref name="row"/> predicts (the first of tied classes).</summary>
    public int ClassOf(int row)
    {
        var best = 0;
        var offset = row * Width;
        for (var k = 1; k < Width; k++)
        {
            if (Raw[offset + k] > Raw[offset + best])
            {
                best = k;
            }
        }

        return best;
    }
}
