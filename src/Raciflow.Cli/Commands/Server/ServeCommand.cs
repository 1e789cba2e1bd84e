using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Server.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Server;

/// <summary><c>raciflow serve [--port 5000] [--host 127.0.0.1]</c>: starts the server, prints its URLs, stops on Ctrl+C or SIGTERM.</summary>
[GovernedAction(GovernedActions.Serve)]
public sealed class ServeCommand : RaciflowCommand<ServeCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using (var workspace = await OpenWorkspaceAsync(settings, cancellationToken))
        {
            await GovernAsync(workspace, GovernedActions.Serve, $"{settings.Host}:{settings.Port}", _ => Task.FromResult(true), cancellationToken: cancellationToken);
        }

        var app = await ServerHost.BuildAsync(settings.ToOptions(), new ServerOptions { Host = settings.Host, Port = settings.Port }, cancellationToken);
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                throw RaciflowException.Unavailable($"Cannot listen on {settings.Host}:{settings.Port}: {ex.Message}", ex);
            }

            var baseUrl = ServerHost.Urls(app)[0].ToString().TrimEnd('/');
            var urls = new { api = baseUrl + RaciflowServerPipeline.ApiPrefix, openapi = baseUrl + "/openapi/v1.json", docs = baseUrl + "/scalar/v1", health = baseUrl + "/health/ready" };
            output.Write(urls, () => new Rows(
                new Markup($"[green]Raciflow server[/] listening on [bold]{Markup.Escape(baseUrl)}[/]"),
                new Markup($"  API      {Markup.Escape(urls.api)}"),
                new Markup($"  OpenAPI  {Markup.Escape(urls.openapi)}"),
                new Markup($"  Docs     {Markup.Escape(urls.docs)}"),
                new Markup($"  Health   {Markup.Escape(urls.health)}"),
                new Markup("[grey]Press Ctrl+C to stop.[/]")));

            // Ctrl+C (SIGINT) and SIGTERM stop the server gracefully; registered here so shutdown does not depend on
            // which of the CLI framework and the host's console lifetime sees the signal first.
            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
            await app.WaitForShutdownAsync(cancellationToken);

            void Stop(System.Runtime.InteropServices.PosixSignalContext context)
            {
                context.Cancel = true;
                app.Lifetime.StopApplication();
            }
        }

        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("TCP port (default 5000; 0 picks a free one).")]
        [DefaultValue(ServerOptions.DefaultPort)]
        public int Port { get; init; } = ServerOptions.DefaultPort;

        [CommandOption("--host <HOST>")]
        [Description("Address to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network).")]
        [DefaultValue(ServerOptions.DefaultHost)]
        public string Host { get; init; } = ServerOptions.DefaultHost;
    }
}
