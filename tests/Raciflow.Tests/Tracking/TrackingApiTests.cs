using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Tracking;

[Trait("Category", TestServices.Integration)]
public sealed class TrackingApiTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ARunLoggedOverHttpIsStoredAndReadBack(StoreKind kind)
    {
        await using var server = await RunningServer.StartAsync(kind);
        var http = server.Client;

        var created = await http.PostAsJsonAsync("/api/v1/runs", new { experiment = "api", name = "r1", tags = new { client = "test" }, gitCommit = "abc123", gitDirty = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var run = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run");
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/runs/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("running", run.GetProperty("status").GetString());

        var batch = await http.PostAsJsonAsync($"/api/v1/runs/{id}/batch", new
        {
            metrics = new[] { new { key = "loss", value = 0.5, step = 0 }, new { key = "loss", value = 0.25, step = 1 } },
            @params = new { alpha = "0.1" },
            tags = new { stage = "dev" },
        });
        Assert.Equal(HttpStatusCode.NoContent, batch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync($"/api/v1/runs/{id}/metrics", new { key = "r2", value = 0.9 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PutAsJsonAsync($"/api/v1/runs/{id}/tags", new { tags = new { stage = "prod" } })).StatusCode);

        var upload = await http.PutAsync($"/api/v1/runs/{id}/artifacts/model/weights.bin", new ByteArrayContent(Encoding.UTF8.GetBytes("abc")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString());
        Assert.Equal("abc", await http.GetStringAsync($"/api/v1/runs/{id}/artifacts/model/weights.bin"));
        var listed = await http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}/artifacts");
        Assert.Equal("model/weights.bin", listed[0].GetProperty("path").GetString());

        var ended = await http.PatchAsJsonAsync($"/api/v1/runs/{id}", new { status = "finished" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var stored = await new TrackingService(server.Workspace.Workspace).GetRunAsync(id);
        Assert.Equal(RunStatus.Finished, stored.Run.Status);
        Assert.Equal(new Dictionary<string, double> { ["loss"] = 0.25, ["r2"] = 0.9 }, stored.Run.Metrics);
        Assert.Equal("0.1", stored.Run.Params["alpha"]);
        Assert.Equal(("prod", "test"), (stored.Run.Tags["stage"], stored.Run.Tags["client"]));
        Assert.Equal(("abc123", true), (stored.Lineage.GitCommit, stored.Lineage.GitDirty));

        var found = await http.PostAsJsonAsync("/api/v1/runs/search", new { experiments = new[] { "api" }, filter = "metrics.r2 >= 0.9 and params.alpha = '0.1'", orderBy = "metrics.r2 desc" });
        Assert.Equal(id, (await found.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString());
        var byQuery = await http.GetFromJsonAsync<JsonElement>("/api/v1/runs?experiment=api&filter=" + Uri.EscapeDataString("status = 'finished'"));
        Assert.Equal(1, byQuery.GetArrayLength());
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}/metrics/loss");
        Assert.Equal([0.5, 0.25], history.EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        var experiments = await http.GetFromJsonAsync<JsonElement>("/api/v1/experiments");
        Assert.Equal(1, experiments[0].GetProperty("runCount").GetInt32());
    }

    [Fact]
    public async Task ErrorsAreProblemDetailsWithTheRightStatusAndNoStackTrace()
    {
        await using var server = await RunningServer.StartAsync();
        var http = server.Client;
        var id = (await (await http.PostAsJsonAsync("/api/v1/runs", new { experiment = "api" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync($"/api/v1/runs/{id}/params", new { key = "alpha", value = "1" })).StatusCode);

        var conflict = await Problem(await http.PostAsJsonAsync($"/api/v1/runs/{id}/params", new { key = "alpha", value = "2" }), HttpStatusCode.Conflict);
        Assert.Contains("immutable", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("param.alpha", conflict.GetProperty("location").GetString());

        var missing = await Problem(await http.GetAsync("/api/v1/runs/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound);
        Assert.Equal("not-found", missing.GetProperty("code").GetString());

        var malformed = await Problem(await http.PostAsync($"/api/v1/runs/{id}/metrics", new StringContent("{\"key\": \"m\", \"value\": \"high\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal("$.value", malformed.GetProperty("location").GetString());
        Assert.Contains("'$.value'", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var truncated = await Problem(await http.PostAsync("/api/v1/experiments", new StringContent("{\"name\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", truncated.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var required = await Problem(await http.PostAsJsonAsync($"/api/v1/runs/{id}/metrics", new { key = "m" }), HttpStatusCode.BadRequest);
        Assert.Equal("body.value", required.GetProperty("location").GetString());

        var badFilter = await Problem(await http.GetAsync("/api/v1/runs?filter=" + Uri.EscapeDataString("metrics.r2 >")), HttpStatusCode.BadRequest);
        Assert.Equal("filter:13", badFilter.GetProperty("location").GetString());

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/experiments", new { name = "dup" })).StatusCode);
        await Problem(await http.PostAsJsonAsync("/api/v1/experiments", new { name = "dup" }), HttpStatusCode.Conflict);
        await Problem(await http.GetAsync($"/api/v1/runs/{id}/artifacts/none.txt"), HttpStatusCode.NotFound);
        await Problem(await http.PatchAsJsonAsync($"/api/v1/runs/{id}", new { status = "running" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HealthAndTheOpenApiDocumentDescribeTheServer()
    {
        await using var server = await RunningServer.StartAsync();
        var http = server.Client;

        Assert.Equal("Healthy", await http.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await http.GetStringAsync("/health/ready"));
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/v1/experiments", "/api/v1/experiments/{name}", "/api/v1/runs", "/api/v1/runs/search", "/api/v1/runs/compare", "/api/v1/runs/{runId}",
                "/api/v1/runs/{runId}/metrics", "/api/v1/runs/{runId}/params", "/api/v1/runs/{runId}/batch", "/api/v1/runs/{runId}/tags",
                "/api/v1/runs/{runId}/artifacts", "/api/v1/runs/{runId}/artifacts/{path}",
            },
            paths);
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/runs/{runId}").TryGetProperty("patch", out _));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/scalar/v1")).StatusCode);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
