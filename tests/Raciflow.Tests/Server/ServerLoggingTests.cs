using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Server;

[Trait("Category", TestServices.Integration)]
public sealed class ServerLoggingTests
{
    [Theory]
    [InlineData(LogLevel.Warning, false)]
    [InlineData(LogLevel.Information, true)]
    public async Task TheHostingLayersPerRequestLoggingIsOnOnlyWhenTheServerLogsAtInformation(LogLevel level, bool hostingLogs)
    {
        using var workspace = await TestWorkspace.CreateAsync(StoreKind.Local);
        await using var app = ServerHost.Build(workspace.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0, LogLevel = level });
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        // At any enabled level the hosting layer opens a scope and an Activity per request.
        Assert.Equal(hostingLogs, loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Raciflow.Server").IsEnabled(level));
    }
}
