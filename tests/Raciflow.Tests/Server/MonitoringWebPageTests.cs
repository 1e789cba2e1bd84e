using Raciflow.Tests.Monitoring.ModelDrift;
using Raciflow.Tests.Serving;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;

namespace Raciflow.Tests.Server;

/// <summary>The monitoring dashboard in a real headless Chromium against a real server that served real traffic.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class MonitoringWebPageTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly string[] Charts = ["requests", "latency", "errors", "drift", "performance"];

    /// <summary>The server's own schedule evaluates the drift rule every second.</summary>
    private const string Yaml = "project: students\nmonitoring:\n  evaluate_every: 1s\n  alerts:\n    window: 1h\n    drift_share: 0.5\n";

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheDashboardDrawsItsChartsAndShowsTheDriftBannerOnceShiftedTrafficArrives(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind, Yaml);
        var rows = await StudentTraffic.TrainingRowsAsync(server);
        await StudentTraffic.SendAsync(server, rows);
        var page = await chromium.NewPageAsync(server.Client.BaseAddress!);

        await page.GotoAsync("/models/students/monitoring");
        Assert.Contains("No dataset drift", await page.InnerTextAsync("#drift-banner"), StringComparison.Ordinal);
        foreach (var chart in Charts)
        {
            var src = await page.GetAttributeAsync($"#chart-{chart}", "src");
            var response = await page.APIRequest.GetAsync(src!);
            Assert.Equal(200, response.Status);
            Assert.Equal("image/svg+xml", response.Headers["content-type"]);
            Assert.Contains("<svg", await response.TextAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>($"document.getElementById('chart-{chart}').naturalWidth > 0"), $"{chart} did not render");
        }

        await StudentTraffic.SendAsync(server, rows, StudentTraffic.ShiftedPopulation);
        await page.GotoAsync("/models/students/monitoring?window=1h");
        Assert.Contains("DRIFT DETECTED", await page.InnerTextAsync("#drift-banner"), StringComparison.Ordinal);
        Assert.Equal("yes", await page.InnerTextAsync("#drift tr:has(td:text-is('reading_score')) td:last-child"));
        Assert.Equal("no", await page.InnerTextAsync("#drift tr:has(td:text-is('race_ethnicity')) td:last-child"));

        // The scheduled evaluation raises the drift alert; the page lists it and it is handled from there.
        var row = page.Locator("#alert-list tr.alert-open");
        for (var i = 0; i < 60 && await row.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.GotoAsync("/models/students/monitoring?window=1h");
        }

        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("drift", await row.Locator("td").Nth(1).InnerTextAsync());
        Assert.Contains("features drifted", await row.Locator("td").Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        await PageNavigation.SubmitAsync(page, row.Locator("button:text-is('Acknowledge')"));
        Assert.Equal("acknowledged", await page.InnerTextAsync("#alert-list tr.alert-acknowledged td:nth-child(3)"));
        Assert.StartsWith("acknowledged by", await page.InnerTextAsync("#alert-list tr.alert-acknowledged td:nth-child(7)"), StringComparison.Ordinal);
        await PageNavigation.SubmitAsync(page, "#alert-list tr.alert-acknowledged button:text-is('Resolve')");
        Assert.Equal(1, await page.Locator("#alert-list tr.alert-resolved").CountAsync());
        Assert.Contains("No retraining yet", await page.InnerTextAsync("#retraining-history"), StringComparison.Ordinal);

        var missing = await page.APIRequest.GetAsync("/models/students/monitoring/charts/nonsense.svg");
        Assert.Equal(404, missing.Status);
    }
}
