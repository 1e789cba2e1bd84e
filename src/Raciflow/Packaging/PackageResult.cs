namespace Raciflow.Packaging;

/// <summary>A written package: its folder, its manifest and the files in it (relative, '/'-separated, sorted).</summary>
public sealed record PackageResult(string Directory, PackageManifest Manifest, IReadOnlyList<string> Files);
