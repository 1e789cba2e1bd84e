using System.Net;
using System.Net.Sockets;
using Raciflow.Tests.Support;
using Raciflow.Tests.Tracking;

namespace Raciflow.Tests.Packaging;

/// <summary><c>raciflow probe</c> is the container's health check: 0 on a 2xx answer, non-zero otherwise.</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class ProbeCommandTests
{
    [Fact]
    public async Task ProbeSucceedsAgainstALiveHealthEndpointAndFailsOtherwise()
    {
        await using var server = await RunningServer.StartAsync();

        var live = await CliRunner.RunAsync("probe", new Uri(server.BaseAddress, "/health/live").ToString());
        Assert.True(live.ExitCode == 0, live.Stdout + live.Stderr);
        Assert.Contains("200", live.Stdout, StringComparison.Ordinal);

        var ready = await CliRunner.RunAsync("probe", "--quiet", new Uri(server.BaseAddress, "/health/ready").ToString());
        Assert.Equal((0, string.Empty), (ready.ExitCode, ready.Stdout));

        var missing = await CliRunner.RunAsync("probe", new Uri(server.BaseAddress, "/no-such-page").ToString());
        Assert.Equal(ErrorKind.Unavailable.ExitCode(), missing.ExitCode);
        Assert.Contains("404", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeFailsAgainstAClosedPortAndABadUrl()
    {
        var closed = await CliRunner.RunAsync("probe", "--timeout", "3", $"http://127.0.0.1:{ClosedPort()}/health/live");
        Assert.Equal(ErrorKind.Unavailable.ExitCode(), closed.ExitCode);
        Assert.Contains("cannot be reached", closed.Stderr, StringComparison.Ordinal);

        var bad = await CliRunner.RunAsync("probe", "ftp://example/health");
        Assert.Equal(ErrorKind.Invalid.ExitCode(), bad.ExitCode);
        Assert.Contains("ftp://example/health", bad.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A port that was free a moment ago and has no listener now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
