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

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheDashboardDrawsItsChartsAndShowsTheDriftBannerOnceShiftedTrafficArrives(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
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
        Assert.Equal(0, await page.Locator("#alerts").CountAsync()); // no alerts capability in this server: no empty section

        var missing = await page.APIRequest.GetAsync("/models/students/monitoring/charts/nonsense.svg");
        Assert.Equal(404, missing.Status);
    }
}
