using System.Text.RegularExpressions;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.Drift.Reporting;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring;

public sealed partial class DriftHtmlReportTests
{
    [Fact]
    public void TheReportIsOneSelfContainedPageWithATableRowAndAChartPerColumn()
    {
        var weather = DriftFrames.ReadCsv(RepositoryPaths.TestData("seattle-weather.csv"));
        var reference = DriftFrames.Alternate(weather, odd: false);
        var current = DriftFrames.Shift(DriftFrames.Alternate(weather, odd: true), "temp_max", 5);
        var report = DriftAnalyzer.Analyze(reference, current);

        var html = DriftHtmlReport.Render(report, "Seattle <weather> drift", new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Seattle &lt;weather&gt; drift", html, StringComparison.Ordinal);
        Assert.Contains("Generated 2026-11-29 12:00:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("No dataset drift: 1 of 5 features drifted", html, StringComparison.Ordinal);
        Assert.Equal(5, SvgOpen().Count(html));
        Assert.Equal(5 + 1, TableRow().Count(html)); // header + one per feature
        Assert.Equal(1, DriftedCell().Count(html));
        foreach (var column in new[] { "precipitation", "temp_max", "temp_min", "wind", "weather" })
        {
            Assert.Contains($"<tr><td>{column}</td>", html, StringComparison.Ordinal);
        }

        // Self-contained: no scripts, stylesheets, images or fonts fetched from anywhere; SVG namespaces are names, not fetches.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), Namespaces().Replace(html, string.Empty));
    }

    [Fact]
    public void ThePredictionColumnAndNotesAppearInTheTable()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", 1, 2, 3, 4, 5, 6, 7), DriftFrames.Categorical("label", "a", "b", "a", "b", "a", "b", "a"));
        var current = DriftFrames.Of(DriftFrames.Numeric("x", double.NaN, double.NaN), DriftFrames.Categorical("label", "b", "b"));

        var html = DriftHtmlReport.Render(DriftAnalyzer.Analyze(reference, current, new DriftOptions { PredictionColumn = "label" }), "t", DateTimeOffset.UnixEpoch);

        Assert.Contains("<td>label (prediction)</td>", html, StringComparison.Ordinal);
        Assert.Contains("The current data has no non-missing values in this column", html, StringComparison.Ordinal);
        Assert.Equal(1, SvgOpen().Count(html)); // the untestable column has nothing to draw
    }

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("<tr><t[dh]>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<td class=\"yes\">")]
    private static partial Regex DriftedCell();

    [GeneratedRegex("(src|href)\\s*=\\s*\"(https?:|//)|url\\((https?:|//)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("xmlns(:\\w+)?=\"[^\"]*\"")]
    private static partial Regex Namespaces();
}
