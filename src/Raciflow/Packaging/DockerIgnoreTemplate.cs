namespace Raciflow.Packaging;

/// <summary>.dockerignore: the build context is only what the Dockerfile copies, never build output or CI files.</summary>
internal static class DockerIgnoreTemplate
{
    public static string Render() => $"""
        # Written by 'raciflow package': send the Docker build only what the Dockerfile copies.
        *
        !{PackageLayout.Source}
        !model
        **/bin
        **/obj
        {PackageLayout.Source}/artifacts

        """;
}
