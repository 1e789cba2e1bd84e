using Raciflow.Data;
using Raciflow.Tests.Packaging;
using Raciflow.Training;

namespace Raciflow.Tests.Training;

/// <summary>The server's per-request path: one row in, one prediction out, and nothing else allocated on the way.</summary>
public sealed class ModelBundlePredictRowTests
{
    [Theory]
    [InlineData("linear")]
    [InlineData("random-forest")]
    public void PredictingARowAllocatesOnlyThePrediction(string algorithm)
    {
        var frame = PackagingFrames.TrainingRows("body_mass_g");
        var bundle = BundleFactory.Train(frame, "body_mass_g", algorithm, TaskKind.Regression);
        var row = new Dictionary<string, object?>
        {
            ["species"] = "Gentoo", ["island"] = "Biscoe", ["beak_length_mm"] = 47.5, ["beak_depth_mm"] = 15.0, ["flipper_length_mm"] = 218.0, ["sex"] = "FEMALE",
        };
        var expected = bundle.Predict(new Frame(
        [
            .. row.Select(kv => kv.Value is string s
                ? (FrameColumn)new StringColumn(kv.Key, ColumnType.Categorical, [s])
                : new NumericColumn(kv.Key, ColumnType.Numeric, [(double)kv.Value!])),
        ]))[0].Value;
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(expected, bundle.PredictRow(row).Value);
        }

        const int Calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            bundle.PredictRow(row);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;

        // A ModelPrediction (with its boxed value) is under 100 bytes; a features array, an output array or an
        // ML.NET row per call would be well over.
        Assert.True(perCall < 100, $"{algorithm}: {perCall:F0} bytes per prediction");
    }
}
