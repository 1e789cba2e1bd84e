using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Raciflow.Workspaces;

namespace Raciflow.Server.Hosting;

/// <summary>
/// Builds the Raciflow web server: Kestrel on <see cref="ServerOptions"/>, services from
/// <see cref="RaciflowServerServices.AddRaciflowServer"/>, middleware and endpoints from
/// <see cref="RaciflowServerPipeline.UseRaciflowServer"/>. Start it with <c>RunAsync</c> or <c>StartAsync</c>.
/// </summary>
public static class ServerHost
{
    /// <summary>Opens the workspace and builds a server that owns it (disposed when the server stops).</summary>
    public static async Task<WebApplication> BuildAsync(WorkspaceOptions workspaceOptions, ServerOptions serverOptions, CancellationToken cancellationToken = default)
    {
        var workspace = await Workspace.OpenAsync(workspaceOptions, cancellationToken);
        try
        {
            var app = Build(workspace, serverOptions);
            app.Lifetime.ApplicationStopped.Register(workspace.Dispose);
            return app;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Builds a server over an open workspace, which the caller keeps owning.</summary>
    public static WebApplication Build(Workspace workspace, ServerOptions serverOptions)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(serverOptions);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = workspace.Directory, ApplicationName = "Raciflow.Server" });
        builder.Logging.SetMinimumLevel(serverOptions.LogLevel);

        // Logs go to stderr so that stdout stays machine-readable (raciflow serve --json).
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // The hosting layer's own messages are the per-request ones (Information). While its category is enabled at
        // any level it also opens a log scope and starts an Activity for every request, which a server that does not
        // log requests pays for in CPU and garbage on the prediction path.
        if (serverOptions.LogLevel > LogLevel.Information)
        {
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }

        serverOptions.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(ListenUrl(serverOptions));
        builder.Services.AddRaciflowServer(workspace);
        var app = builder.Build();
        app.UseRaciflowServer();
        return app;
    }

    /// <summary>The addresses the started server is bound to (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<Uri> Urls(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal))).ToList() ?? [];
    }

    internal static string ListenUrl(ServerOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw RaciflowException.Invalid($"Port {options.Port} is out of range 0-65535.", "port");
        }

        var host = string.IsNullOrWhiteSpace(options.Host) ? ServerOptions.DefaultHost : options.Host.Trim();
        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown && host is not ("*" or "+"))
        {
            throw RaciflowException.Invalid($"Host '{host}' is not a host name or IP address.", "host");
        }

        // IPv6 literals need brackets inside a URL.
        var urlHost = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        return $"http://{urlHost}:{options.Port}";
    }
}
