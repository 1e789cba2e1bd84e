using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Raciflow.Server.Hosting;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Support.Browser;

/// <summary>The real Raciflow server (Kestrel on 127.0.0.1, a free port) over a test's workspace, for browser and HTTP tests.</summary>
public sealed class WebServer : IAsyncDisposable
{
    private WebServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public static async Task<WebServer> StartAsync(Workspace workspace, Action<ILoggingBuilder>? logging = null, LogLevel level = LogLevel.Warning)
    {
        var app = ServerHost.Build(workspace, new ServerOptions { Host = "127.0.0.1", Port = 0, LogLevel = level, ConfigureLogging = logging });
        await app.StartAsync();
        return new WebServer(app, Assert.Single(ServerHost.Urls(app)));
    }

    /// <summary>An HTTP client that keeps cookies, as a browser would, but does not follow redirects (tests look at them).</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
