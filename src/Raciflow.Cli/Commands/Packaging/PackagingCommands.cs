using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Packaging;

/// <summary>Registers <c>raciflow package</c> and <c>raciflow probe</c> (the packaged container's health check).</summary>
public static class PackagingCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<PackageCommand>("package").WithDescription("Write a deployable folder for MODEL@VERSION|ALIAS: bundle, Dockerfile, Kubernetes manifest, CI/CD workflow.");
        config.AddCommand<ProbeCommand>("probe").WithDescription("GET a URL; exit 0 on HTTP 2xx (the container health check: the runtime image has no curl).");
    }
}
