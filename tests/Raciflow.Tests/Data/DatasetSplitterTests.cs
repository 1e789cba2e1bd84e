using Raciflow.Data;
using Raciflow.Data.Splitting;
using Raciflow.Projects;
using Raciflow.Tests.Data.Support;
using Raciflow.Tests.Support;
using static Raciflow.Tests.Data.Support.Frames;

namespace Raciflow.Tests.Data;

public sealed class DatasetSplitterTests
{
    private static Frame Rows(int n) => Of(Numbers("x", Enumerable.Range(0, n).Select(i => (double)i).ToArray()));

    private static void AssertPartition(SplitIndices split, int rows)
    {
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        Assert.Equal(rows, all.Count);
        Assert.Equal(Enumerable.Range(0, rows), all.Order());
    }

    [Fact]
    public void PartsAreDisjointCoverEveryRowAndHaveTheRoundedSizes()
    {
        var split = DatasetSplitter.Split(Rows(101), new SplitRequest(0.7, 0.15, 0.15, 42, null), "t@1");
        AssertPartition(split, 101);

        // 101 × 0.15 = 15.15 → 15 for validation and test, the remaining 71 train.
        Assert.Equal((71, 15, 15), (split.Train.Length, split.Validation.Length, split.Test.Length));
        Assert.Equal(split.Train.Order(), split.Train);
    }

    [Fact]
    public void TheSameSeedGivesTheSameRowsAndAnotherSeedOthers()
    {
        var request = new SplitRequest(0.6, 0.2, 0.2, 7, null);
        var a = DatasetSplitter.Split(Rows(200), request, "t@1");
        var b = DatasetSplitter.Split(Rows(200), request, "t@1");
        var c = DatasetSplitter.Split(Rows(200), request with { Seed = 8 }, "t@1");
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Validation, b.Validation);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void StratifyingKeepsEachClassInProportionInEveryPart()
    {
        // 60 a, 30 b, 10 c; 60/20/20 → per class a: 36/12/12, b: 18/6/6, c: 6/2/2.
        var frame = Of(Classes("y", ("a", 60), ("b", 30), ("c", 10)));
        var y = (StringColumn)frame["y"];
        var split = DatasetSplitter.Split(frame, new SplitRequest(0.6, 0.2, 0.2, 42, "y"), "t@1");
        AssertPartition(split, 100);
        int Count(int[] rows, string label) => rows.Count(r => y.Values[r] == label);
        Assert.Equal((36, 18, 6), (Count(split.Train, "a"), Count(split.Train, "b"), Count(split.Train, "c")));
        Assert.Equal((12, 6, 2), (Count(split.Validation, "a"), Count(split.Validation, "b"), Count(split.Validation, "c")));
        Assert.Equal((12, 6, 2), (Count(split.Test, "a"), Count(split.Test, "b"), Count(split.Test, "c")));
    }

    [Fact]
    public void SeattleWeatherStratifiedByWeatherPutsSnowDaysInEveryPart()
    {
        var frame = CsvFrame.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var request = SplitRequest.Resolve(new DataConfig { Target = "weather" }, frame, new SplitOverrides());
        Assert.Equal("weather", request.Stratify);
        var split = DatasetSplitter.Split(frame, request, "weather@1");
        AssertPartition(split, 1461);
        var weather = (StringColumn)frame["weather"];

        // snow: 26 rows → round(3.9) = 4 test, 4 validation, 18 train.
        Assert.Equal(4, split.Test.Count(r => weather.Values[r] == "snow"));
        Assert.Equal(4, split.Validation.Count(r => weather.Values[r] == "snow"));
        Assert.Equal(18, split.Train.Count(r => weather.Values[r] == "snow"));
    }

    [Fact]
    public void ARegressionTargetIsNotStratifiedAndNoStratifyWins()
    {
        var frame = Of(Numbers("y", 1, 2, 3), Labels("g", "a", "b", "a"));
        Assert.Null(SplitRequest.Resolve(new DataConfig { Target = "y" }, frame, new SplitOverrides()).Stratify);
        Assert.Null(SplitRequest.Resolve(new DataConfig { Target = "g" }, frame, new SplitOverrides(NoStratify: true)).Stratify);
        var overridden = SplitRequest.Resolve(new DataConfig { Split = new SplitConfig { Seed = 5 } }, frame, new SplitOverrides(Train: 0.5, Test: 0.35));
        Assert.Equal(new SplitRequest(0.5, 0.15, 0.35, 5, null), overridden);
    }

    [Theory]
    [InlineData(0.7, 0.2, 0.2, "fractions")]
    [InlineData(1.2, -0.1, -0.1, "train")]
    [InlineData(0.0, 0.5, 0.5, "train")]
    public void FractionsThatDoNotSumToOneOrLeaveNoTrainingAreInvalid(double train, double validation, double test, string location)
    {
        var ex = Assert.Throws<RaciflowException>(() => DatasetSplitter.Split(Rows(10), new SplitRequest(train, validation, test, 1, null), "t@1"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal(location, ex.Location);
    }

    [Fact]
    public void APartThatWouldBeEmptyIsNamed()
    {
        var ex = Assert.Throws<RaciflowException>(() => DatasetSplitter.Split(Rows(4), new SplitRequest(0.8, 0.1, 0.1, 1, null), "t@1"));
        Assert.Equal("validation", ex.Location);
        Assert.Contains("validation part of t@1 would be empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStratifyColumnThatDoesNotExistIsNamedWithTheColumnsThereAre()
    {
        var ex = Assert.Throws<RaciflowException>(() => DatasetSplitter.Split(Rows(10), new SplitRequest(0.8, 0.1, 0.1, 1, "nope"), "t@1"));
        Assert.Equal("nope", ex.Location);
        Assert.Contains("columns are: x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClassTooSmallToStratifyIsNamed()
    {
        var frame = Of(Classes("y", ("common", 20), ("rare", 2)));
        var ex = Assert.Throws<RaciflowException>(() => DatasetSplitter.Split(frame, new SplitRequest(0.6, 0.2, 0.2, 1, "y"), "t@1"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("'rare' (2 rows)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'common'", ex.Message, StringComparison.Ordinal);

        // Without a validation part two rows are enough: one to train, one to test.
        var split = DatasetSplitter.Split(frame, new SplitRequest(0.8, 0, 0.2, 1, "y"), "t@1");
        Assert.Empty(split.Validation);
        AssertPartition(split, 22);
    }
}
