using System.Globalization;
using System.Text;
using Raciflow.Registry;

namespace Raciflow.Packaging;

/// <summary>
/// The multi-stage Dockerfile: the SDK image publishes the CLI from the package's source snapshot; the ASP.NET
/// runtime image runs it as the non-root app user, serving the model from its bundle, with a health check that
/// needs no curl (the runtime image has none): <c>raciflow probe</c>.
/// </summary>
internal static class DockerfileTemplate
{
    public static string Render(ModelVersionDetails version, ImageReference image, SourceTree source)
    {
        var restoreCopies = new StringBuilder();
        foreach (var project in source.Projects)
        {
            restoreCopies.Append(CultureInfo.InvariantCulture, $"COPY {PackageLayout.Source}/{project} {Path.GetDirectoryName(project)!.Replace('\\', '/')}/\n");
        }

        var buildFiles = string.Join(' ', source.Files.Where(f => !f.Contains('/', StringComparison.Ordinal)).Select(f => $"{PackageLayout.Source}/{f}"));
        var port = PackageLayout.Port.ToString(CultureInfo.InvariantCulture);
        var entrypoint = string.Join(", ", new[]
        {
            "dotnet", "/app/Raciflow.Cli.dll", "serve", "--serve-only", "--bundle", PackageLayout.ImageBundle, "--model", version.Model,
            "--model-version", version.Version.ToString(CultureInfo.InvariantCulture), "--host", "0.0.0.0", "--port", port,
        }.Select(Quote));
        var probe = string.Join(", ", new[] { "dotnet", "/app/Raciflow.Cli.dll", "probe", $"http://127.0.0.1:{port}/health/ready" }.Select(Quote));
        return $$"""
            # syntax=docker/dockerfile:1
            # Image {{image}}: serves {{version.Label}} ({{version.Algorithm}}, {{version.Task.ToString().ToLowerInvariant()}} on {{version.Target}}).
            # Written by 'raciflow package'; build from this folder: docker build -t {{image}} .

            # Build stage: publish the Raciflow CLI (server included) from the source snapshot in ./{{PackageLayout.Source}}.
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /source
            # Project files first, so the restore layer is reused until a dependency changes.
            COPY {{buildFiles}} ./
            {{restoreCopies.ToString().TrimEnd('\n')}}
            RUN dotnet restore {{SourceTree.CliProject}}
            COPY {{PackageLayout.Source}}/ ./
            RUN dotnet publish {{SourceTree.CliProject}} -c Release --no-restore -o /app/publish

            # Runtime stage: ASP.NET Core runtime only, no SDK, no compilers.
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
            # LightGBM's native library needs the OpenMP runtime, which the base image lacks.
            RUN apt-get update \
                && apt-get install -y --no-install-recommends libgomp1 \
                && rm -rf /var/lib/apt/lists/*
            WORKDIR /app
            COPY --from=build /app/publish ./
            COPY {{PackageLayout.Bundle}} {{PackageLayout.Signature}} {{PackageLayout.ModelCard}} {{PackageLayout.ImageModelDirectory}}/
            # Serve-only mode keeps no state; anything that still wants a workspace gets the writable /tmp, never the image.
            ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
                RACIFLOW_STORE=sqlite:/tmp/raciflow/raciflow.db \
                RACIFLOW_ARTIFACTS=file:/tmp/raciflow/artifacts
            # The non-root user the base image provides ("app", uid {{PackageLayout.AppUid}}); the files above stay root-owned and read-only to it.
            USER $APP_UID
            EXPOSE {{port}}
            HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD [{{probe}}]
            ENTRYPOINT [{{entrypoint}}]

            """;
    }

    // Exec form is a JSON array; the values are model names, numbers and paths, so only quotes and backslashes need escaping.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
