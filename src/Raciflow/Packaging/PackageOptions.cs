namespace Raciflow.Packaging;

/// <summary>How <see cref="PackageBuilder"/> writes a deployable folder.</summary>
public sealed record PackageOptions
{
    /// <summary>Where images are pushed, e.g. <c>ghcr.io/acme</c>; null leaves the image unqualified (a local build).</summary>
    public string? Registry { get; init; }

    /// <summary>The image repository name; default <c>raciflow-MODEL</c> in lower case.</summary>
    public string? ImageName { get; init; }

    /// <summary>A Raciflow checkout (the folder holding Raciflow.slnx) to snapshot; null looks upwards from the program and the current folder.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Replace an existing non-empty output folder (only once the new package is complete).</summary>
    public bool Force { get; init; }

    /// <summary>The model card (Markdown) to ship beside the bundle.</summary>
    public string ModelCard { get; init; } = string.Empty;

    /// <summary>The Raciflow version recorded in the manifest; default the core library's.</summary>
    public string? RaciflowVersion { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
