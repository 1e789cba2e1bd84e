using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Raciflow.Registry;
using Raciflow.Storage;

namespace Raciflow.Packaging;

/// <summary>
/// Writes the deployable folder of a model version: the registry's bundle (checked against its SHA-256), model
/// card, signature, manifest, source snapshot, Dockerfile, Kubernetes manifest, CI workflow and README. The folder
/// is written with <see cref="AtomicDirectory"/>, so a failure leaves nothing behind and a replaced package
/// (<see cref="PackageOptions.Force"/>) is swapped only once the new one is complete.
/// </summary>
public static class PackageBuilder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<PackageResult> BuildAsync(ModelVersionDetails version, Stream bundle, string outputDirectory, PackageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);

        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        CheckTarget(target, options.Force);
        var image = ImageReference.For(version.Model, version.Version, options.Registry, options.ImageName);
        var source = SourceTree.Scan(SourceTree.FindRoot(options.SourceDirectory));
        var raciflowVersion = options.RaciflowVersion ?? CoreVersion();

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return await AtomicDirectory.WriteAsync(target, async temporary =>
        {
            await CopyBundleAsync(version, bundle, Path.Combine(temporary, PackageLayout.Bundle), cancellationToken);
            await WriteAsync(temporary, PackageLayout.ModelCard, options.ModelCard, cancellationToken);
            await WriteAsync(temporary, PackageLayout.Signature, version.Signature.ToJson() + "\n", cancellationToken);
            await source.CopyToAsync(Path.Combine(temporary, PackageLayout.Source), cancellationToken);
            await WriteAsync(temporary, PackageLayout.Dockerfile, DockerfileTemplate.Render(version, image, source), cancellationToken);
            await WriteAsync(temporary, PackageLayout.DockerIgnore, DockerIgnoreTemplate.Render(), cancellationToken);
            await WriteAsync(temporary, PackageLayout.Kubernetes, KubernetesManifestTemplate.Render(version, image), cancellationToken);
            await WriteAsync(temporary, PackageLayout.Workflow, DeployWorkflowTemplate.Render(version, image), cancellationToken);
            await WriteAsync(temporary, PackageLayout.Readme, PackageReadmeTemplate.Render(version, image, raciflowVersion), cancellationToken);
            var manifest = new PackageManifest
            {
                Model = version.Model,
                Version = version.Version,
                Algorithm = version.Algorithm,
                Task = version.Task.ToString().ToLowerInvariant(),
                Target = version.Target,
                Sha256 = version.BundleSha256,
                Bundle = PackageLayout.Bundle,
                Created = options.Clock.GetUtcNow(),
                RaciflowVersion = raciflowVersion,
                Image = image.ToString(),
            };
            await WriteAsync(temporary, PackageManifest.FileName, manifest.ToJson() + "\n", cancellationToken);
            var files = Directory.EnumerateFiles(temporary, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(temporary, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            return new PackageResult(target, manifest, files);
        });
    }

    private static void CheckTarget(string target, bool force)
    {
        if (File.Exists(target))
        {
            throw new RaciflowException(ErrorKind.Conflict, $"--out {target} is a file; name a folder for the package.") { Location = "--out" };
        }

        if (!force && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new RaciflowException(ErrorKind.Conflict, $"--out {target} exists and is not empty; name a new folder, or pass --force to replace it.") { Location = "--out" };
        }
    }

    /// <summary>Copies the bundle while hashing it; a copy that differs from the registry's record is refused.</summary>
    private static async Task CopyBundleAsync(ModelVersionDetails version, Stream bundle, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await bundle.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, version.BundleSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RaciflowException(
                ErrorKind.Unprocessable,
                $"The bundle of {version.Label} ({version.BundleKey}) has SHA-256 {actual}, but the registry recorded {version.BundleSha256}: the stored copy is damaged; nothing was packaged.")
            { Location = version.BundleKey };
        }
    }

    private static async Task WriteAsync(string root, string relative, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, Utf8, cancellationToken);
    }

    private static string CoreVersion() =>
        typeof(PackageBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
