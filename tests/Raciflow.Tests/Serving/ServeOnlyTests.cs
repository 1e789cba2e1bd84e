using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Raciflow.Registry;
using Raciflow.Server.Hosting;
using Raciflow.Serving;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

[Trait("Category", TestServices.Integration)]
public sealed class ServeOnlyTests
{
    [Fact]
    public async Task ABundleIsServedWithoutAWorkspaceWithItsSignatureHealthAndToken()
    {
        await using var source = await ServingServer.StartAsync();
        var registry = new ModelRegistry(source.Workspace.Workspace);
        var version = await registry.GetAsync(ModelRef.Parse("students@2"));
        using var folder = new TempDirectory();
        var bundlePath = Path.Combine(folder.Path, "bundle.zip");
        await using (var bundle = await registry.OpenBundleAsync(version))
        await using (var file = File.Create(bundlePath))
        {
            await bundle.CopyToAsync(file);
        }

        await File.WriteAllTextAsync(Path.Combine(folder.Path, "signature.json"), version.Signature.ToJson());
        var app = ServeOnlyHost.Build(new BundleServingCatalog(bundlePath, "students", 2, TimeProvider.System), new ServerOptions { Host = "127.0.0.1", Port = 0 }, token: "s3cret");
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = Assert.Single(ServerHost.Urls(app)) };
            var ready = await WaitReadyAsync(client);
            Assert.Equal(HttpStatusCode.OK, ready);

            using var anonymous = await client.PostAsJsonAsync("/api/v1/models/students/predict", ServingServer.Student);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            using var answer = await client.PostAsJsonAsync("/api/v1/models/students/predict", ServingServer.Student);
            var body = await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(2, body.GetProperty("version").GetInt32());
            Assert.Equal(source.Expected(2, ServingServer.Student), body.GetProperty("predictions")[0].GetProperty("value").GetDouble(), 10);

            var unusual = new Dictionary<string, object?>(ServingServer.Student) { ["reading_score"] = 500 };
            using var noted = await client.PostAsJsonAsync("/api/v1/models/students/predict", unusual);
            Assert.Contains("out-of-range", await noted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("raciflow_predicted_rows_total", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return response.StatusCode;
            }

            await Task.Delay(100);
        }

        return HttpStatusCode.ServiceUnavailable;
    }
}
