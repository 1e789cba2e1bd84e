using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

/// <summary>
/// A packaged model serves with <c>raciflow serve --serve-only</c> in its container. Given the team's stores (as
/// RACIFLOW_STORE and RACIFLOW_ARTIFACTS, or --store and --artifacts), it logs its predictions there as
/// <c>raciflow serve</c> does, so monitoring, feedback and retraining see that traffic.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class ServeOnlyLoggingTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AServeOnlyServerLogsItsPredictionsToTheConfiguredStores(StoreKind kind)
    {
        await using var source = await ServingServer.StartAsync(kind);
        using var folder = new TempDirectory();
        var bundle = await CopyBundleAsync(source, folder.Path);
        var environment = new Dictionary<string, string?>
        {
            ["RACIFLOW_STORE"] = kind == StoreKind.Local ? source.Workspace.Workspace.Metadata.DisplayUri : source.Workspace.StoreArguments[3],
            ["RACIFLOW_ARTIFACTS"] = kind == StoreKind.Local ? "file:" + Path.Combine(source.Workspace.Folder.Path, ".raciflow", "artifacts") : source.Workspace.StoreArguments[5],
        };
        if (kind == StoreKind.Production)
        {
            environment["AWS_ENDPOINT_URL"] = TestServices.S3Endpoint;
            environment["AWS_ACCESS_KEY_ID"] = "test";
            environment["AWS_SECRET_ACCESS_KEY"] = "test";
            environment["AWS_REGION"] = "us-east-1";
        }

        await using var server = await ServerProcess.StartAsync(folder.Path, ["--serve-only", "--bundle", bundle, "--model", "students", "--model-version", "2"], environment);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Client.PostAsJsonAsync("/api/v1/models/students/predict", ServingServer.Student);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("requestId").GetString()!);
        }

        // A stopped container writes what it has queued before it exits.
        Assert.Equal(0, await server.StopAsync());

        var logged = await new PredictionLogReader(source.Workspace.Workspace).ReadAsync("students", 2, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(ids.Order(StringComparer.Ordinal), logged.Select(p => p.RequestId).Order(StringComparer.Ordinal));
        Assert.All(logged, p => Assert.Equal(source.Expected(2, ServingServer.Student), p.Output!.Value!.Value, 10));
    }

    /// <summary>The registry's bundle of students@2 and its signature, as a package lays them out.</summary>
    internal static async Task<string> CopyBundleAsync(ServingServer source, string folder)
    {
        var registry = new ModelRegistry(source.Workspace.Workspace);
        var version = await registry.GetAsync(ModelRef.Parse("students@2"));
        var bundlePath = Path.Combine(folder, "bundle.zip");
        await using (var bundle = await registry.OpenBundleAsync(version))
        await using (var file = File.Create(bundlePath))
        {
            await bundle.CopyToAsync(file);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "signature.json"), version.Signature.ToJson());
        return bundlePath;
    }
}
