using Microsoft.AspNetCore.Builder;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Tracking;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port over a fresh workspace, and a client for it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(TestWorkspace workspace, WebApplication app, Uri baseAddress)
    {
        Workspace = workspace;
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public TestWorkspace Workspace { get; }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(StoreKind kind = StoreKind.Local)
    {
        var workspace = await TestWorkspace.CreateAsync(kind);
        var app = ServerHost.Build(workspace.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        var address = Assert.Single(ServerHost.Urls(app));
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        return new RunningServer(workspace, app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Workspace.Dispose();
    }
}
