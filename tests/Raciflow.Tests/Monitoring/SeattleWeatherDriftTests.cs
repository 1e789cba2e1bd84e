using Raciflow.Monitoring.Drift;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring;

public sealed class SeattleWeatherDriftTests
{
    private static readonly Raciflow.Data.Frame Weather = DriftFrames.ReadCsv(RepositoryPaths.TestData("seattle-weather.csv"));

    [Fact]
    public void AddingFiveDegreesToTempMaxFlagsThatFeatureAndNoOther()
    {
        // Alternate days: both halves span the same four years, so only the shifted column should differ.
        var reference = DriftFrames.Alternate(Weather, odd: false);
        var current = DriftFrames.Shift(DriftFrames.Alternate(Weather, odd: true), "temp_max", 5);

        var report = DriftAnalyzer.Analyze(reference, current);

        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind", "weather"], report.Features.Select(f => f.Column));
        var tempMax = report.Features.Single(f => f.Column == "temp_max");
        Assert.True(tempMax.Drifted);
        Assert.Equal(DriftTest.KolmogorovSmirnov, tempMax.Test); // 731 reference rows ≤ 1,000, many distinct values
        Assert.True(tempMax.PValue < 1e-10, $"p = {tempMax.PValue}");
        Assert.True(tempMax.Psi > 0.2, $"PSI = {tempMax.Psi}");
        Assert.All(report.Features.Where(f => f.Column != "temp_max"), f => Assert.False(f.Drifted, $"{f.Column} drifted: {f.Test.Name()} {f.Score}"));
        Assert.Equal(DriftTest.ChiSquare, report.Features.Single(f => f.Column == "weather").Test);
        Assert.Equal(0.2, report.DriftedFeatureShare, 12);
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void DistanceTestsOnTheSameShiftFlagOnlyTempMax()
    {
        var reference = DriftFrames.Alternate(Weather, odd: false);
        var current = DriftFrames.Shift(DriftFrames.Alternate(Weather, odd: true), "temp_max", 5);
        var options = new DriftOptions { Test = DriftTest.Psi };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        Assert.Equal(["temp_max"], report.Features.Where(f => f.Drifted).Select(f => f.Column));
    }

    [Fact]
    public void DateColumnsAreLeftOutUnlessNamed()
    {
        var report = DriftAnalyzer.Analyze(Weather, Weather);
        Assert.DoesNotContain(report.Features, f => f.Column == "date");
        var error = Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(Weather, Weather, columns: ["date"]));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("'date'", error.Message, StringComparison.Ordinal);
    }
}
