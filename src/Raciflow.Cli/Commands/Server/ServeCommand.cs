using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Server.Hosting;
using Raciflow.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Server;

/// <summary><c>raciflow serve [--port 5000] [--host 127.0.0.1]</c>: starts the server, prints its URLs, stops on Ctrl+C or SIGTERM.</summary>
[GovernedAction(GovernedActions.Serve)]
public sealed class ServeCommand : RaciflowCommand<ServeCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var serverOptions = new ServerOptions { Host = settings.Host, Port = settings.Port };
        WebApplication app;
        if (settings.ServeOnly)
        {
            // A deployed container: one bundle and nothing to govern (packaging was governed). Given the team's stores
            // it logs its predictions there, as a full server does.
            var workspace = NamesStores(settings) ? await OpenWorkspaceAsync(settings, cancellationToken) : null;
            try
            {
                app = ServeOnlyHost.Build(new BundleServingCatalog(settings.Bundle!, settings.Model!, settings.ModelVersion, TimeProvider.System), serverOptions, workspace: workspace);
            }
            catch
            {
                workspace?.Dispose();
                throw;
            }

            if (workspace is not null)
            {
                app.Lifetime.ApplicationStopped.Register(workspace.Dispose);
            }
        }
        else
        {
            using (var workspace = await OpenWorkspaceAsync(settings, cancellationToken))
            {
                await GovernAsync(workspace, GovernedActions.Serve, $"{settings.Host}:{settings.Port}", _ => Task.FromResult(true), cancellationToken: cancellationToken);
            }

            app = await ServerHost.BuildAsync(settings.ToOptions(), serverOptions, cancellationToken);
        }

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
            var urls = new
            {
                api = baseUrl + RaciflowServerPipeline.ApiPrefix,
                openapi = settings.ServeOnly ? null : baseUrl + "/openapi/v1.json",
                docs = settings.ServeOnly ? null : baseUrl + "/scalar/v1",
                dashboard = settings.ServeOnly ? null : baseUrl + "/",
                predict = settings.ServeOnly ? $"{baseUrl}{RaciflowServerPipeline.ApiPrefix}/models/{settings.Model}/predict" : null,
                metrics = baseUrl + "/metrics",
                health = baseUrl + "/health/ready",
            };
            output.Write(urls, () => new Rows(
                new[]
                {
                    new Markup($"[green]Raciflow server[/] listening on [bold]{Markup.Escape(baseUrl)}[/]{(settings.ServeOnly ? " (serve-only: " + Markup.Escape(settings.Model!) + "@" + settings.ModelVersion + ")" : string.Empty)}"),
                    Line("Dashboard", urls.dashboard), Line("API", urls.api), Line("Predict", urls.predict), Line("OpenAPI", urls.openapi),
                    Line("Docs", urls.docs), Line("Metrics", urls.metrics), Line("Health", urls.health),
                    new Markup("[grey]Press Ctrl+C to stop.[/]"),
                }.OfType<Markup>()));

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

    /// <summary>Whether the stores are named (options or RACIFLOW_STORE / RACIFLOW_ARTIFACTS): a serve-only server then logs predictions.</summary>
    private static bool NamesStores(Settings settings) =>
        settings.Store is not null || settings.Artifacts is not null
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Raciflow.Workspaces.WorkspaceOptions.StoreVariable))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Raciflow.Workspaces.WorkspaceOptions.ArtifactsVariable));

    private static Markup? Line(string label, string? url) => url is null ? null : new Markup($"  {label,-9} {Markup.Escape(url)}");

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--serve-only")]
        [Description("Serve predictions from one bundle (--bundle, --model, --model-version): what a container runs. Predictions are logged to the stores when --store/--artifacts (or RACIFLOW_STORE/RACIFLOW_ARTIFACTS) name them.")]
        public bool ServeOnly { get; init; }

        [CommandOption("--bundle <FILE>")]
        [Description("With --serve-only: the model bundle (bundle.zip; signature.json beside it is used when present).")]
        public string? Bundle { get; init; }

        [CommandOption("--model <NAME>")]
        [Description("With --serve-only: the model name the bundle is served as.")]
        public string? Model { get; init; }

        [CommandOption("--model-version <N>")]
        [Description("With --serve-only: the version the bundle is served as (default 1).")]
        [DefaultValue(1)]
        public int ModelVersion { get; init; } = 1;

        public override ValidationResult Validate() =>
            ServeOnly && (string.IsNullOrWhiteSpace(Bundle) || string.IsNullOrWhiteSpace(Model))
                ? ValidationResult.Error("--serve-only needs --bundle FILE and --model NAME.")
                : !ServeOnly && (Bundle is not null || Model is not null)
                    ? ValidationResult.Error("--bundle and --model go with --serve-only; without it the server serves the workspace's registry.")
                    : ValidationResult.Success();

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
