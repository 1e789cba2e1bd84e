using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Data.Splitting;
using Raciflow.Data.Validation;
using Raciflow.Tests.Data.Support;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

[Trait("Category", TestServices.Integration)]
public sealed class DataStorageTests
{
    private const string Project = """
        project: weather
        data:
          target: weather
          expectations:
            - column: temp_max
              max: 30
            - column: weather
              allowed: [rain, sun, fog, drizzle, snow]
        """;

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AValidationIsStoredWithTheVersionAndTheHashOfItsExpectations(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var frame = CsvFrame.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var version = await TestDatasets.AddVersionAsync(ws.Workspace, "weather", frame);
        var service = new DatasetValidationService(ws.Workspace);

        var report = await service.ValidateAsync(version, frame, []);

        // temp_max reaches 35.6 °C on some days: the declared maximum of 30 fails.
        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        var stored = await service.GetLatestAsync(version.Id);
        Assert.NotNull(stored);
        Assert.False(stored.Passed);
        Assert.Equal(report.Failures, stored.Failures);
        Assert.Equal(report.Warnings, stored.Warnings);
        Assert.Equal(ExpectationRules.Hash(ws.Workspace.Project!.Data.Expectations), stored.ExpectationsHash);
        Assert.Equal("tester", stored.CreatedBy);
        var reread = DatasetValidationService.ReadReport(stored);
        Assert.Equal(report.Checks, reread.Checks, (a, b) => a.Name == b.Name && a.Column == b.Column && a.Passed == b.Passed && a.Observed == b.Observed && a.Examples.SequenceEqual(b.Examples));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ASplitIsRecordedWithItsIndicesAndAskingAgainReturnsTheSameSplit(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var frame = CsvFrame.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var version = await TestDatasets.AddVersionAsync(ws.Workspace, "weather", frame);
        var service = new DatasetSplitService(ws.Workspace);
        var request = SplitRequest.Resolve(ws.Workspace.Project!.Data, frame, new SplitOverrides());

        var first = await service.SplitAsync(version, frame, request);
        var again = await service.SplitAsync(version, frame, request);
        var other = await service.SplitAsync(version, frame, request with { Seed = 43 });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Hash, again.Hash);
        Assert.NotEqual(first.Hash, other.Hash);
        Assert.Equal("weather", first.StratifyColumn);
        Assert.Equal(1461, first.TrainRows + first.ValidationRows + first.TestRows);
        Assert.True(await ws.Workspace.Artifacts.ExistsAsync(first.IndicesKey));

        var indices = await service.LoadSplitIndicesAsync(await service.GetSplitAsync(first.Id));
        Assert.Equal(DatasetSplitter.Split(frame, request, "weather@1"), indices, (a, b) => a.Train.SequenceEqual(b.Train) && a.Validation.SequenceEqual(b.Validation) && a.Test.SequenceEqual(b.Test));
        Assert.Equal(first.TestRows, indices.Test.Length);
        Assert.Equal(2, (await service.ListSplitsAsync(version.Id)).Count);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ARejectedSplitStoresNothing(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var frame = CsvFrame.Load(RepositoryPaths.TestData("penguins.csv"));
        var version = await TestDatasets.AddVersionAsync(ws.Workspace, "penguins", frame);
        var service = new DatasetSplitService(ws.Workspace);

        await Assert.ThrowsAsync<RaciflowException>(() => service.SplitAsync(version, frame, new SplitRequest(0.5, 0.5, 0.5, 1, null)));
        await Assert.ThrowsAsync<RaciflowException>(() => service.SplitAsync(version, frame, new SplitRequest(0.7, 0.15, 0.15, 1, "weather")));

        Assert.Empty(await service.ListSplitsAsync(version.Id));
        Assert.Empty(await ws.Workspace.Artifacts.ListAsync("splits").ToListAsync());
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ADamagedIndicesArtifactIsRefused(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var frame = CsvFrame.Load(RepositoryPaths.TestData("penguins.csv"));
        var version = await TestDatasets.AddVersionAsync(ws.Workspace, "penguins", frame);
        var service = new DatasetSplitService(ws.Workspace);
        var split = await service.SplitAsync(version, frame, new SplitRequest(0.7, 0.15, 0.15, 1, null));
        await ws.Workspace.Artifacts.PutAsync(split.IndicesKey, new MemoryStream("{\"parts\":{}}"u8.ToArray()));

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => service.LoadSplitIndicesAsync(split));
        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        Assert.Contains(split.IndicesKey, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnAddedVersionIsValidatedProfiledAndSplitByReference(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var added = await new DatasetService(ws.Workspace).AddAsync(RepositoryPaths.TestData("seattle-weather.csv"), "weather");
        var reference = DatasetRef.Parse("weather@1");

        var report = await new DatasetValidationService(ws.Workspace).ValidateAsync(reference);
        var profile = await new DatasetProfileService(ws.Workspace).ProfileAsync(reference);
        var (version, split) = await new DatasetSplitService(ws.Workspace).SplitAsync(reference, new SplitOverrides(Seed: 3));

        Assert.Equal("weather@1", report.Dataset);
        Assert.Equal(added.Version.Id, version.Id);
        Assert.Equal(1461, report.Rows);
        var stored = await new DatasetProfileService(ws.Workspace).GetLatestAsync(version.Id);
        Assert.Equal(profile.Stored.ReportKey, stored!.ReportKey);
        await using (var html = await ws.Workspace.Artifacts.OpenReadAsync(stored.ReportKey))
        using (var reader = new StreamReader(html))
        {
            Assert.Contains("Profile of weather@1", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("weather", split.StratifyColumn);
        Assert.Equal(3, split.Seed);
        var indices = await new DatasetSplitService(ws.Workspace).LoadSplitIndicesAsync(split);
        Assert.Equal(1461, indices.RowCount);
    }
}
