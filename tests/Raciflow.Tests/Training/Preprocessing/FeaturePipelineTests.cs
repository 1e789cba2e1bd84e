using Raciflow.Tests.Support;
using Raciflow.Data;
using Raciflow.Training.Preprocessing;

namespace Raciflow.Tests.Training.Preprocessing;

public sealed class FeaturePipelineTests
{
    private static Frame Sample() => new(
    [
        new NumericColumn("age", ColumnType.Numeric, [10, 20, double.NaN, 40]),
        new NumericColumn("score", ColumnType.Numeric, [1, 2, 3, 4]),
        new StringColumn("colour", ColumnType.Categorical, ["red", "blue", "red", null]),
        new DateTimeColumn("day", [new DateTime(2024, 1, 1), new DateTime(2024, 3, 1), new DateTime(2024, 2, 1), new DateTime(2024, 12, 31)]),
        new StringColumn("target", ColumnType.Categorical, ["a", "b", "a", "b"]),
    ]);

    [Fact]
    public void MissingNumbersTakeTheTrainingMedianAndSetAnIndicator()
    {
        var pipeline = FeaturePipeline.Fit(Sample(), "target");
        var m = pipeline.Transform(Sample());
        var age = pipeline.FeatureNames.ToList().IndexOf("age");
        var missing = pipeline.FeatureNames.ToList().IndexOf("age__missing");

        // Median of 10, 20, 40 is 20; imputed column 10, 20, 20, 40 has mean 22.5 and population sd sqrt(118.75).
        var sd = Math.Sqrt(118.75);
        Assert.Equal((20 - 22.5) / sd, m[2, age], 12);
        Assert.Equal((10 - 22.5) / sd, m[0, age], 12);
        Assert.Equal([0.0, 0, 1, 0], Enumerable.Range(0, 4).Select(r => m[r, missing]));
        Assert.DoesNotContain("score__missing", pipeline.FeatureNames);
    }

    [Fact]
    public void CategoriesAreOneHotWithAnOtherBucketAndMostFrequentImputation()
    {
        var pipeline = FeaturePipeline.Fit(Sample(), "target");
        Assert.Equal(["colour=red", "colour=blue", "colour=__other__", "colour__missing"], pipeline.FeatureNames.Where(n => n.StartsWith("colour", StringComparison.Ordinal)));
        var start = pipeline.FeatureNames.ToList().IndexOf("colour=red");
        var unseen = pipeline.TransformRow(new Dictionary<string, object?> { ["colour"] = "green", ["age"] = 1.0, ["score"] = 2.0, ["day"] = "2024-05-05" });
        Assert.Equal([0.0, 0, 1, 0], unseen.AsSpan(start, 4).ToArray());
        var missing = pipeline.Transform(Sample());
        Assert.Equal([1.0, 0, 0, 1], missing.Row(3).Slice(start, 4).ToArray());
    }

    [Fact]
    public void DatesBecomeStandardisedParts()
    {
        var pipeline = FeaturePipeline.Fit(Sample(), "target");
        Assert.Contains("day.day_of_year", pipeline.FeatureNames);
        var m = pipeline.Transform(Sample());
        var month = pipeline.FeatureNames.ToList().IndexOf("day.month");

        // Months 1, 3, 2, 12: mean 4.5, population variance (3.5² + 1.5² + 2.5² + 7.5²) / 4 = 77 / 4 = 19.25.
        Assert.Equal((12 - 4.5) / Math.Sqrt(19.25), m[3, month], 12);
    }

    [Fact]
    public void SavedPipelineGivesTheSameMatrixAndSingleRowsMatchBatches()
    {
        var frame = CsvFrames.Load(RepositoryPaths.TestData("penguins.csv"));
        var pipeline = FeaturePipeline.Fit(frame.Take(Enumerable.Range(0, 200).ToArray()), "species");
        var loaded = FeaturePipeline.FromJson(pipeline.ToJson());
        var before = pipeline.Transform(frame);
        var after = loaded.Transform(frame);
        Assert.Equal(before.FeatureNames, after.FeatureNames);
        Assert.Equal(before.Values, after.Values);
        for (var r = 0; r < frame.RowCount; r += 17)
        {
            var row = frame.Columns.ToDictionary(c => c.Name, c => (object?)c.Format(r));
            Assert.Equal(before.Row(r).ToArray(), loaded.TransformRow(row));
        }
    }

    [Fact]
    public void TextIsHashedIntoStableBuckets()
    {
        var frame = new Frame([new StringColumn("note", ColumnType.Text, ["Good good day", null]), new NumericColumn("y", ColumnType.Numeric, [1, 2])]);
        var pipeline = FeaturePipeline.Fit(frame, "y", options: new FeaturePipelineOptions { TextBuckets = 8 });
        var m = pipeline.Transform(frame);
        var good = (int)(TextEncoder.Fnv1a("good") % 8);
        var day = (int)(TextEncoder.Fnv1a("day") % 8);

        // "good" is 2 of the 3 tokens (case-folded); a missing text is all zeros.
        Assert.Equal(good == day ? 1.0 : 2.0 / 3, m[0, good], 12);
        Assert.Equal(0.0, m.Row(1).ToArray().Sum());

        // Published FNV-1a 32-bit test vectors.
        Assert.Equal(0x811C9DC5u, TextEncoder.Fnv1a(string.Empty));
        Assert.Equal(0xE40C292Cu, TextEncoder.Fnv1a("a"));
    }

    [Fact]
    public void TransformNamesAMissingInputColumn()
    {
        var pipeline = FeaturePipeline.Fit(Sample(), "target");
        var ex = Assert.Throws<RaciflowException>(() => pipeline.Transform(new Frame([new NumericColumn("age", ColumnType.Numeric, [1])])));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("'score'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonNumericValueForANumericColumnIsAnErrorNamingTheColumn()
    {
        var pipeline = FeaturePipeline.Fit(Sample(), "target");
        var ex = Assert.Throws<RaciflowException>(() => pipeline.TransformRow(new Dictionary<string, object?> { ["age"] = "old" }));
        Assert.Contains("'age'", ex.Message, StringComparison.Ordinal);
    }
}
