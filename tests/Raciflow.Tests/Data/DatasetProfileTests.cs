using System.Text.RegularExpressions;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Projects;
using Raciflow.Tests.Data.Support;
using Raciflow.Tests.Support;
using static Raciflow.Tests.Data.Support.Frames;

namespace Raciflow.Tests.Data;

public sealed partial class DatasetProfileTests
{
    private static readonly DateTime Noon = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheOverviewCountsRowsColumnsMissingCellsAndDuplicateRows()
    {
        var frame = Of(Numbers("n", 1, 2, 1, double.NaN), Labels("s", "a", "b", "a", null));
        var report = DatasetProfiler.Profile("t@1", frame, null, Noon);
        Assert.Equal(new DatasetOverview(4, 2, 2, 1, (8 * 4) + (8 * 4) + (2 * (22 + 2))), report.Overview);
        Assert.Equal(0.25, report.Overview.MissingCellFraction);
    }

    [Fact]
    public void ColumnProfilesHoldKnownStatistics()
    {
        var profile = ColumnProfiler.Profile(Numbers("x", 2, 4, 4, 4, 5, 5, 7, 9, double.NaN, 0));
        Assert.Equal(10, profile.Count);
        Assert.Equal(1, profile.Missing);
        Assert.Equal(6, profile.Distinct);
        Assert.Equal(40.0 / 9, profile.Mean!.Value, 12);
        Assert.Equal(0, profile.Min);
        Assert.Equal(9, profile.Max);

        // Sorted 0 2 4 4 4 5 5 7 9: R-7 quartiles at positions 2, 4, 6.
        Assert.Equal(new Quartiles(4, 4, 5), profile.Quartiles);
        Assert.Equal(1, profile.Zeros);

        // Fences [2.5, 6.5]: 0, 2, 7 and 9 lie outside.
        Assert.Equal(4, profile.Outliers);
        var labels = ColumnProfiler.Profile(Labels("s", "b", "a", "b", null));
        Assert.Equal([new ValueCount("b", 2), new ValueCount("a", 1)], labels.TopValues);
        Assert.Null(labels.Mean);
    }

    [Fact]
    public void ThePenguinsReportIsSelfContainedWithAChartPerColumn()
    {
        var frame = CsvFrame.Load(RepositoryPaths.TestData("penguins.csv"));
        var reports = new List<double>();
        var report = DatasetProfiler.Profile("penguins@1", frame, new DataConfig { Target = "species" }, Noon);
        var html = ProfileHtmlWriter.Write(report, frame, new SynchronousProgress(reports.Add));

        AssertSelfContained(html);
        foreach (var column in frame.Columns)
        {
            Assert.Contains($"<figure class=\"chart\" data-subject=\"{column.Name}\"><svg", html, StringComparison.Ordinal);
        }

        // Numbers get a histogram and a box plot; labels a bar chart.
        Assert.Equal(2, Regex.Count(html, "data-subject=\"body_mass_g\""));
        Assert.Equal(1, Regex.Count(html, "data-subject=\"island\""));
        Assert.Contains("data-subject=\"correlations\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"associations\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"missing\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"target:flipper_length_mm\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"target:island\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("Missing cells", html, StringComparison.Ordinal);
        Assert.Equal(1.0, reports[^1], 12);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void TheSeattleReportShowsDatesAndRelatesFeaturesToTheWeather()
    {
        var frame = CsvFrame.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var report = DatasetProfiler.Profile("weather@1", frame, new DataConfig { Target = "weather" }, Noon);
        var date = report.Columns.Single(c => c.Name == "date");
        Assert.Equal("2012-01-01", date.MinText);
        Assert.Equal("2015-12-31", date.MaxText);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], report.Correlations.Names);
        Assert.True(report.Correlations["temp_max", "temp_min"] > 0.8);
        Assert.Equal(Raciflow.Training.TaskKind.Multiclass, report.Target!.Task);

        var html = ProfileHtmlWriter.Write(report, frame);
        AssertSelfContained(html);
        Assert.Contains("data-subject=\"date\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"target:wind\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("Fewer than two categorical columns", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnNamesAreEscapedInThePage()
    {
        var frame = Of(Numbers("<script>alert(1)</script>", 1, 2, 3), Labels("a&b", "x", "y", "x"));
        var html = ProfileHtmlWriter.Write(DatasetProfiler.Profile("t@1", frame, null, Noon), frame);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        AssertSelfContained(html);
    }

    private static void AssertSelfContained(string html)
    {
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(NonFragmentUrl(), html);
    }

    /// <summary>Any src or href (xlink:href too) that leaves the page: http(s), protocol-relative or file URLs.</summary>
    [GeneratedRegex("""(src|href)\s*=\s*["']?\s*(https?:|//|file:)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    /// <summary>A CSS or SVG url(...) that is not a reference to an element of the page itself (url(#clip1)).</summary>
    [GeneratedRegex("""url\(\s*['"]?(?!#)""", RegexOptions.IgnoreCase)]
    private static partial Regex NonFragmentUrl();

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
