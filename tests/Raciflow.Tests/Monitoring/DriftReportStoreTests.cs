using Raciflow.Monitoring.Drift;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring;

[Trait("Category", TestServices.Integration)]
public sealed class DriftReportStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero);

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ASavedReportReadsBackWithItsPageBesideIt(StoreKind kind)
    {
        using var test = await TestWorkspace.CreateAsync(kind);
        var store = new DriftReportStore(test.Workspace.Artifacts, new FixedClock(Noon));
        var report = ShiftedReport();

        var stored = await store.SaveAsync(report, "churn-model");

        Assert.Equal("monitoring/drift/churn-model/20261129T120000123Z/report.json", stored.JsonKey);
        Assert.Equal("monitoring/drift/churn-model/20261129T120000123Z/report.html", stored.HtmlKey);
        var loaded = await store.LoadAsync(stored.JsonKey);
        Assert.Equal(report.Features.Select(f => (f.Column, f.Test, f.Statistic, f.PValue, f.Drifted, f.Psi)), loaded.Features.Select(f => (f.Column, f.Test, f.Statistic, f.PValue, f.Drifted, f.Psi)));
        Assert.Equal(report.Features[0].Distribution.CurrentShares, loaded.Features[0].Distribution.CurrentShares);
        Assert.True(double.IsNaN(loaded.Features.Single(f => f.Column == "gone").Statistic));
        Assert.Equal(report.DatasetDrift, loaded.DatasetDrift);

        await using var page = await test.Workspace.Artifacts.OpenReadAsync(stored.HtmlKey);
        var html = await new StreamReader(page).ReadToEndAsync();
        Assert.Contains("Drift report: churn-model", html, StringComparison.Ordinal);
        Assert.Contains("Generated 2026-11-29 12:00:00 UTC", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ReportsAreListedOldestFirstAndNeverOverwritten(StoreKind kind)
    {
        using var test = await TestWorkspace.CreateAsync(kind);
        var clock = new FixedClock(Noon);
        var store = new DriftReportStore(test.Workspace.Artifacts, clock);
        var first = await store.SaveAsync(ShiftedReport(), "m");
        clock.Now = Noon.AddHours(1);
        var second = await store.SaveAsync(ShiftedReport(), "m");

        var listed = new List<StoredDriftReport>();
        await foreach (var r in store.ListAsync("m"))
        {
            listed.Add(r);
        }

        Assert.Equal([first, second], listed);

        var conflict = await Assert.ThrowsAsync<RaciflowException>(() => store.SaveAsync(ShiftedReport(), "m"));
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Assert.Equal(second, Assert.Single(await ToListAsync(store.ListAsync("m")), r => r.CreatedAt == second.CreatedAt));
        Assert.Equal(ShiftedReport().Features.Count, (await store.LoadAsync(second.JsonKey)).Features.Count);
    }

    [Fact]
    public async Task BadSubjectsAndDamagedRecordsAreNamed()
    {
        using var test = await TestWorkspace.CreateAsync(StoreKind.Local);
        var store = new DriftReportStore(test.Workspace.Artifacts, new FixedClock(Noon));

        var bad = await Assert.ThrowsAsync<RaciflowException>(() => store.SaveAsync(ShiftedReport(), "../escape"));
        Assert.Equal(ErrorKind.Invalid, bad.Kind);
        Assert.Contains("'../escape'", bad.Message, StringComparison.Ordinal);

        await test.Workspace.Artifacts.PutAsync("monitoring/drift/m/broken/report.json", new MemoryStream("{\"features\": [1"u8.ToArray()));
        var damaged = await Assert.ThrowsAsync<RaciflowException>(() => store.LoadAsync("monitoring/drift/m/broken/report.json"));
        Assert.StartsWith("monitoring/drift/m/broken/report.json:1:", damaged.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<RaciflowException>(() => store.LoadAsync("monitoring/drift/m/none/report.json"));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    private static DriftReport ShiftedReport()
    {
        var reference = DriftFrames.Of(
            DriftFrames.Numeric("x", [.. Enumerable.Range(0, 300).Select(i => (double)i)]),
            DriftFrames.Categorical("c", [.. Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? "a" : "b")]),
            DriftFrames.Numeric("gone", [.. Enumerable.Range(0, 300).Select(i => (double)i)]));
        var current = DriftFrames.Of(
            DriftFrames.Numeric("x", [.. Enumerable.Range(0, 300).Select(i => i + 100.0)]),
            DriftFrames.Categorical("c", [.. Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "a" : "b")]),
            DriftFrames.Numeric("gone", [.. Enumerable.Repeat(double.NaN, 300)]));
        return DriftAnalyzer.Analyze(reference, current);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
