using Raciflow.Data.Validation;
using Raciflow.Projects;
using Raciflow.Tests.Data.Support;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

public sealed class SampleDataValidationTests
{
    [Fact]
    public void PenguinsHaveMissingMeasurementsAndSexesButNoDuplicatesOrOutliers()
    {
        var frame = CsvFrame.Load(RepositoryPaths.TestData("penguins.csv"));
        var data = new DataConfig
        {
            Target = "species",
            Expectations = [new ExpectationConfig { Column = "sex", Allowed = ["MALE", "FEMALE"] }],
        };
        var report = new DatasetValidator().Validate("penguins@1", frame, [], data);

        Assert.Equal(344, report.Rows);
        Assert.Equal("2 of 344 (0.6%)", report.Checks.Single(c => c.Name == "missing-values" && c.Column == "body_mass_g").Observed);
        Assert.Equal("10 of 344 (2.9%)", report.Checks.Single(c => c.Name == "missing-values" && c.Column == "sex").Observed);
        Assert.True(report.Checks.Single(c => c.Name == "duplicate-rows").Passed);
        Assert.All(report.Checks.Where(c => c.Name == "outliers"), c => Assert.True(c.Passed, c.Column));
        Assert.True(report.Checks.Single(c => c.Name == "class-balance").Passed);

        // The data holds a sex of "." that the expectation does not allow: the report fails on it.
        var allowed = report.Checks.Single(c => c.Name == "expect-allowed");
        Assert.False(allowed.Passed);
        Assert.Contains("'.'", allowed.Message, StringComparison.Ordinal);
        Assert.False(report.Passed);
    }

    [Fact]
    public void SeattleWeatherHasSkewedPrecipitationAndARareSnowClass()
    {
        var frame = CsvFrame.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var report = new DatasetValidator().Validate("weather@1", frame, [], new DataConfig { Target = "weather" });

        // Q1 = 0, Q3 = 2.8: every day above 7.0 mm is an outlier; wind: Q1 = 2.2, Q3 = 4.0, fences [-0.5, 6.7].
        Assert.Equal("206 of 1461 (14.1%)", report.Checks.Single(c => c.Name == "outliers" && c.Column == "precipitation").Observed);
        Assert.Equal("34 of 1461 (2.3%)", report.Checks.Single(c => c.Name == "outliers" && c.Column == "wind").Observed);
        Assert.True(report.Checks.Single(c => c.Name == "outliers" && c.Column == "temp_max").Passed);

        var balance = report.Checks.Single(c => c.Name == "class-balance");
        Assert.False(balance.Passed);
        Assert.Contains("'snow' 26 / 'rain' 641", balance.Observed, StringComparison.Ordinal);
        Assert.True(report.Passed);
        Assert.DoesNotContain(report.Checks, c => c.Name == "outliers" && c.Column == "date");
    }
}
