using System.ComponentModel;
using Raciflow.Cli.Commands.Registry;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Packaging;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Packaging;

/// <summary><c>raciflow package MODEL@VERSION|MODEL@ALIAS --out DIR [--registry R] [--image NAME] [--source DIR] [--force]</c>.</summary>
[GovernedAction(GovernedActions.Package)]
public sealed class PackageCommand : RaciflowCommand<PackageCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var reference = ModelRef.Parse(settings.Model);
        var options = new PackageOptions
        {
            Registry = settings.Registry,
            ImageName = settings.Image,
            SourceDirectory = settings.Source,
            Force = settings.Force,
            RaciflowVersion = CliApp.Version,
        };
        var result = await GovernAsync(
            workspace,
            GovernedActions.Package,
            $"{reference} to {Path.GetFullPath(settings.Out!)}",
            _ => new ModelPackager(workspace).PackageAsync(reference, settings.Out!, options, cancellationToken),
            r => $"{r.Manifest.Label} to {r.Directory} (image {r.Manifest.Image})",
            cancellationToken);
        output.Write(result, () => new Rows(
            new Markup($"[green]Packaged[/] [bold]{Markup.Escape(result.Manifest.Label)}[/] in {Markup.Escape(result.Directory)} ({result.Files.Count} files)."),
            new Markup($"  Image     {Markup.Escape(result.Manifest.Image)}"),
            new Markup($"  Build     docker build -t {Markup.Escape(result.Manifest.Image)} {Markup.Escape(result.Directory)}"),
            new Markup($"  Deploy    kubectl apply -f {Markup.Escape(Path.Combine(result.Directory, PackageLayout.Kubernetes))}"),
            new Markup($"  CI/CD     {Markup.Escape(PackageLayout.Workflow)} (see README.md for the OIDC variables)")));
        return 0;
    }

    public sealed class Settings : ModelArgumentSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write the package to (new or empty; see --force).")]
        public string? Out { get; init; }

        [CommandOption("--registry <REGISTRY>")]
        [Description("Image registry, e.g. ghcr.io/acme or ACCOUNT.dkr.ecr.REGION.amazonaws.com (default: ghcr.io/<repository owner> in CI).")]
        public string? Registry { get; init; }

        [CommandOption("--image <NAME>")]
        [Description("Image repository name (default raciflow-MODEL).")]
        public string? Image { get; init; }

        [CommandOption("--source <DIR>")]
        [Description("Raciflow checkout the image builds from (default: found above the program or the current folder).")]
        public string? Source { get; init; }

        [CommandOption("--force")]
        [Description("Replace a non-empty --out folder once the new package is complete.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("Name the package folder with --out DIR.") : ValidationResult.Success();
    }
}
