using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Raciflow.Cli.Commands.Training;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Server.Hosting;
using Raciflow.Workspaces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>
/// <c>raciflow quickstart</c>: the whole lifecycle on the bundled example in a fresh folder, walked as the
/// project's members, ending with a running server.
/// </summary>
[NotGoverned("creates its own workspace and acts as the example's members, each step authorized and audited")]
public sealed class QuickstartCommand : RaciflowCommand<QuickstartCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var options = new QuickstartOptions
        {
            Directory = settings.Target ?? "raciflow-quickstart",
            Trials = settings.Trials,
            StoreUri = settings.Store,
            ArtifactsUri = settings.Artifacts,
        };
        output.Line($"[bold]Raciflow quickstart[/]: the student-performance example in [bold]{Markup.Escape(Path.GetFullPath(options.Directory))}[/]");
        var pipeline = new QuickstartRunner(options);
        var result = output.Json || !output.Console.Profile.Capabilities.Interactive
            ? await pipeline.RunAsync(step => ShowStep(output, step), null, cancellationToken)
            : await RunWithProgressAsync(pipeline, output, settings.Trials, cancellationToken);

        if (output.Json && settings.NoServe)
        {
            output.WriteJson(result);
            return 0;
        }

        if (!output.Json)
        {
            QuickstartView.Render(output.Console, result);
        }

        if (settings.NoServe)
        {
            return 0;
        }

        return await ServeAsync(settings, output, result, cancellationToken);
    }

    private static async Task<QuickstartResult> RunWithProgressAsync(QuickstartRunner pipeline, CliOutput output, int trials, CancellationToken cancellationToken)
    {
        QuickstartResult? result = null;
        await output.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var training = new TrainingProgress(ctx, trials, "score");
                result = await pipeline.RunAsync(step => ShowStep(output, step), training, cancellationToken);
            });
        return result!;
    }

    private static void ShowStep(CliOutput output, QuickstartStep step) =>
        output.Line($"[green]✓[/] {Markup.Escape(step.Title)}{(step.Member is null ? string.Empty : $" [grey]as {Markup.Escape(step.Member)}{(step.Role is null ? string.Empty : $" ({Markup.Escape(step.Role)})")}[/]")}: {Markup.Escape(step.Outcome)}");

    private static async Task<int> ServeAsync(Settings settings, CliOutput output, QuickstartResult result, CancellationToken cancellationToken)
    {
        var workspaceOptions = new Raciflow.Workspaces.WorkspaceOptions
        {
            Directory = result.Directory,
            StoreUri = settings.Store ?? Raciflow.Workspaces.WorkspaceOptions.DefaultStore,
            ArtifactsUri = settings.Artifacts ?? Raciflow.Workspaces.WorkspaceOptions.DefaultArtifacts,
        };
        var app = await ServerHost.BuildAsync(workspaceOptions, new ServerOptions { Host = settings.Host, Port = settings.Port }, cancellationToken);
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                throw RaciflowException.Unavailable($"Cannot listen on {settings.Host}:{settings.Port} ({ex.Message}); pass --port to use another port, or --no-serve.", ex);
            }

            var baseUrl = ServerHost.Urls(app)[0].ToString().TrimEnd('/');
            var monitoring = await SendTrafficAsync(app, new Uri(baseUrl + "/"), output, result, cancellationToken);
            var api = baseUrl + RaciflowServerPipeline.ApiPrefix;
            var urls = new
            {
                dashboard = baseUrl + "/",
                monitoring = $"{baseUrl}/models/{result.Model}/monitoring",
                approvals = baseUrl + "/approvals",
                predictionForm = $"{baseUrl}/predict/{result.Model}",
                model = $"{baseUrl}/models/{result.Model}",
                predict = $"{api}/models/{result.Model}/predict",
                api,
                docs = baseUrl + "/scalar/v1",
                openapi = baseUrl + "/openapi/v1.json",
                metrics = baseUrl + "/metrics",
                runs = $"{api}/runs?filter=tags.kind%20%3D%20%27training%27",
                health = baseUrl + "/health/ready",
            };

            // Any member may predict; the data scientist who trained the model is the natural one to try it.
            var reader = result.Tokens.Keys.FirstOrDefault(m => result.Steps.Any(s => s.Member == m && s.Role == "data-scientist")) ?? result.Tokens.Keys.First();
            const string Student = "{\"gender\":\"female\",\"race_ethnicity\":\"group C\",\"parental_level_of_education\":\"bachelor's degree\",\"lunch\":\"standard\",\"test_preparation_course\":\"completed\",\"reading_score\":72,\"writing_score\":74}";
            var curl = $"curl -s -H 'Authorization: Bearer {result.Tokens[reader]}' -H 'Content-Type: application/json' -d '{Student.Replace("'", "'\\''", StringComparison.Ordinal)}' {urls.predict}";
            if (output.Json)
            {
                output.WriteJson(new { result, monitoring, server = urls, curl });
            }
            else
            {
                output.Console.Write(new Rows(
                    new Markup($"[green]Raciflow server[/] for the example is listening on [bold]{Markup.Escape(baseUrl)}[/], serving [bold]{Markup.Escape(result.Model)}@production[/]"),
                    new Markup($"  Dashboard                          {Markup.Escape(urls.dashboard)} (sign in with a token above)"),
                    new Markup($"  Monitoring (drift, alerts)         {Markup.Escape(urls.monitoring)}"),
                    new Markup($"  Approvals (the challenger waits)   {Markup.Escape(urls.approvals)} (as mila, the ML engineer)"),
                    new Markup($"  Prediction form                    {Markup.Escape(urls.predictionForm)}"),
                    new Markup($"  Model (versions, card, lineage)    {Markup.Escape(urls.model)}"),
                    new Markup($"  API docs (browse and try the API)  {Markup.Escape(urls.docs)}"),
                    new Markup($"  Prometheus metrics                 {Markup.Escape(urls.metrics)}"),
                    new Markup($"  Health                             {Markup.Escape(urls.health)}"),
                    new Markup($"Predict (as {Markup.Escape(reader)}): [bold]{Markup.Escape(curl)}[/]"),
                    new Markup($"Or, in another terminal: [bold]./raciflow models show {Markup.Escape(result.Model)}@production -C {Markup.Escape(result.Directory)}[/]"),
                    new Markup("[grey]Press Ctrl+C to stop.[/]")));
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>Normal then shifted traffic through the running server, so the dashboard shows an incident end to end.</summary>
    private static async Task<QuickstartMonitoringResult> SendTrafficAsync(WebApplication app, Uri baseUrl, CliOutput output, QuickstartResult result, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        var logger = app.Services.GetRequiredService<PredictionLogger>();
        var traffic = new QuickstartMonitoring(app.Services.GetRequiredService<Workspace>(), client, ct => logger.FlushAsync(ct));
        if (!output.Json)
        {
            output.Line("[bold]Monitoring[/]: traffic through the server, then drift, an alert and a retraining");
        }

        return await traffic.RunAsync(result.Model, result.Tokens, step => ShowStep(output, step), cancellationToken);
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("Folder for the example project (default: ./raciflow-quickstart; replaced if an earlier quickstart made it).")]
        public string? Target { get; init; }

        [CommandOption("--tune <TRIALS>")]
        [Description("Tuning trials per algorithm (default 8).")]
        [DefaultValue(8)]
        public int Trials { get; init; } = 8;

        [CommandOption("--no-serve")]
        [Description("Stop after training instead of starting the server.")]
        public bool NoServe { get; init; }

        [CommandOption("-p|--port <PORT>")]
        [DefaultValue(ServerOptions.DefaultPort)]
        public int Port { get; init; } = ServerOptions.DefaultPort;

        [CommandOption("--host <HOST>")]
        [DefaultValue(ServerOptions.DefaultHost)]
        public string Host { get; init; } = ServerOptions.DefaultHost;

        public override ValidationResult Validate() =>
            Trials < 1 ? ValidationResult.Error("--tune must be at least 1.") : ValidationResult.Success();
    }
}
