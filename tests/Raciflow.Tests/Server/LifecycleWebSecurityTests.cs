using System.Net;
using Raciflow.Registry;
using Raciflow.Server.Web;
using Raciflow.Tests.Serving;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;
using Raciflow.Tracking;

namespace Raciflow.Tests.Server;

/// <summary>The lifecycle pages over plain HTTP: encoding of user text, 404 pages, artifact content types, antiforgery.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class LifecycleWebSecurityTests
{
    private const string Script = "<script>alert('owned')</script>";

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AModelDescriptionWithAScriptIsShownAsTextOnEveryPage(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var registry = new ModelRegistry(server.Workspace.Workspace);
        var runId = (await registry.GetAsync(ModelRef.ForVersion(ServingServer.Model, 1))).RunId;
        await registry.RegisterAsync(runId, ServingServer.Model, description: Script + " **bold**");
        await new TrackingService(server.Workspace.Workspace).SetTagAsync(runId, "note", "<img src=x onerror=alert(1)>");

        foreach (var path in new[] { "/models", "/models/students", "/models/students/versions/3", $"/runs/{runId}", "/runs" })
        {
            using var response = await server.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Equal(WebPage.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        }

        var version = await server.Client.GetStringAsync("/models/students/versions/3");
        Assert.Contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;", version, StringComparison.Ordinal); // in the lineage table
        Assert.Contains("<strong>bold</strong>", version, StringComparison.Ordinal); // the card's Markdown still renders
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", await server.Client.GetStringAsync($"/runs/{runId}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task UnknownRunsModelsVersionsAndDatasetsAreNotFoundPages(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);

        foreach (var (path, message) in new[]
        {
            ("/runs/0123456789abcdef", "does not exist"),
            ("/models/nothing", "Model &#39;nothing&#39; does not exist"),
            ("/models/students/versions/9", "has no version 9"),
            ("/predict/nothing", "is not served"),
            ("/predict/students?version=9", "no version 9"),
            ("/datasets/nothing", "Dataset &#39;nothing&#39; does not exist"),
            ("/datasets/students/7", "has no version &#39;7&#39;"),
            ("/datasets/students/1/profile", "has no profile report yet"),
        })
        {
            using var response = await server.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>Not found", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PlotsAreServedAsSandboxedImagesAndTheFormRefusesAPostWithoutItsAntiforgeryToken()
    {
        await using var server = await ServingServer.StartAsync();
        var runId = (await new ModelRegistry(server.Workspace.Workspace).GetAsync(ModelRef.ForVersion(ServingServer.Model, 1))).RunId;

        using (var plot = await server.Client.GetAsync($"/runs/{runId}/artifacts/plots/residuals.svg"))
        {
            Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
            Assert.Equal("image/svg+xml", plot.Content.Headers.ContentType?.MediaType);
            Assert.Contains("sandbox", plot.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("<svg", await plot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var bundle = await server.Client.GetAsync($"/runs/{runId}/artifacts/model/bundle.zip"))
        {
            Assert.Equal("attachment", bundle.Content.Headers.ContentDisposition?.DispositionType);
        }

        using var missing = await server.Client.GetAsync($"/runs/{runId}/artifacts/plots/nothing.svg");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var forged = await server.Client.PostAsync("/predict/students", new FormUrlEncodedContent([KeyValuePair.Create("gender", "female")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var form = await server.Client.GetStringAsync("/predict/students");
        using var posted = await WebForms.PostAsync(server.Client, "/predict/students", form, ("gender", "female"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode); // the token passes; the missing fields do not
        Assert.Contains("is required", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormNeedsASignInOnceMembersExistUnlessTheModelIsPublicAndTheOtherPagesAlways()
    {
        const string Yaml = "project: students\nserving:\n  public_models: [open]\n";
        await using var server = await ServingServer.StartAsync(StoreKind.Local, Yaml);
        var token = (await new Raciflow.Governance.GovernanceService(server.Workspace.Workspace, Raciflow.Governance.Members.Credentials.None).Members.AddAsync("mila", ["ml-engineer"])).Token;
        var registry = new ModelRegistry(server.Workspace.Workspace);
        await registry.RegisterAsync((await registry.GetAsync(ModelRef.Parse("students@1"))).RunId, "open");
        await registry.SetAliasAsync("open", 1, ModelAliases.Production);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };

        foreach (var path in new[] { "/predict/students", "/runs", "/models/open", "/datasets/students/1" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString(path), refused.Headers.Location?.OriginalString);
        }

        using (var open = await anonymous.GetAsync("/predict/open"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        using var member = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.Client.BaseAddress };
        using var signedIn = await WebForms.SignInAsync(member, token);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/predict/students")).StatusCode);
    }
}
