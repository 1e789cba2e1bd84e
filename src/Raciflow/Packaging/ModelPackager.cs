using Raciflow.Registry;
using Raciflow.Workspaces;

namespace Raciflow.Packaging;

/// <summary>
/// Packages a registered model version: resolves MODEL@VERSION or MODEL@ALIAS (MODEL alone means production, what
/// serving uses), renders its model card, and hands the stored bundle to <see cref="PackageBuilder"/>.
/// Authorization is the caller's (the CLI governs it as the packaging-deployment task).
/// </summary>
public sealed class ModelPackager(Workspace workspace)
{
    public async Task<PackageResult> PackageAsync(ModelRef reference, string outputDirectory, PackageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = new ModelRegistry(workspace);
        var version = await registry.GetServedAsync(reference, cancellationToken);
        var lineage = await new LineageService(workspace).ForModelAsync(ModelRef.ForVersion(version.Model, version.Version), cancellationToken);
        await using var bundle = await registry.OpenBundleAsync(version, cancellationToken);
        return await PackageBuilder.BuildAsync(
            version,
            bundle,
            outputDirectory,
            options with { ModelCard = ModelCard.Render(lineage, workspace.Project), Clock = workspace.Clock },
            cancellationToken);
    }
}
