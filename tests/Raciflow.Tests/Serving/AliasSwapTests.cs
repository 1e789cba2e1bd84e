using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

[Trait("Category", TestServices.Integration)]
public sealed class AliasSwapTests
{
    [Fact]
    public async Task MovingAnAliasUnderLoadFailsNoRequestAndEveryAnswerIsWhollyOneVersion()
    {
        await using var server = await ServingServer.StartAsync();
        var expected = new Dictionary<int, double> { [1] = server.Expected(1, ServingServer.Student), [2] = server.Expected(2, ServingServer.Student) };
        Assert.NotEqual(expected[1], expected[2]);
        using (var first = await server.Client.PutAsJsonAsync("/api/v1/models/students/aliases/staging", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var failures = new ConcurrentBag<string>();
        var seen = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await server.Client.PostAsJsonAsync("/api/v1/models/students/predict?alias=staging", ServingServer.Student);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode}: {text}");
                    continue;
                }

                var answer = JsonDocument.Parse(text).RootElement;
                var version = answer.GetProperty("version").GetInt32();
                seen.AddOrUpdate(version, 1, (_, n) => n + 1);
                var value = answer.GetProperty("predictions")[0].GetProperty("value").GetDouble();
                if (value != expected[version])
                {
                    failures.Add($"version {version} answered {value}, expected {expected[version]}");
                }
            }
        })).ToList();

        for (var swap = 0; swap < 20; swap++)
        {
            using var moved = await server.Client.PutAsJsonAsync("/api/v1/models/students/aliases/staging", new { version = swap % 2 == 0 ? 2 : 1 });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            await Task.Delay(25);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(seen.GetValueOrDefault(1) > 0 && seen.GetValueOrDefault(2) > 0, $"answers by version: {string.Join(", ", seen)}");
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("raciflow_alias_swaps_total{model=\"students\",alias=\"staging\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAliasMovedFromAnotherProcessIsServedAfterTheRefresh()
    {
        await using var server = await ServingServer.StartAsync();
        Assert.Equal(1, (await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", ServingServer.Student)).GetProperty("version").GetInt32());

        // As the CLI would: straight to the registry, not through this server.
        await new Raciflow.Registry.ModelRegistry(server.Workspace.Workspace).SetAliasAsync(ServingServer.Model, 2, "production");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        int version;
        do
        {
            await Task.Delay(200);
            version = (await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", ServingServer.Student)).GetProperty("version").GetInt32();
        }
        while (version != 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, version);
    }
}
