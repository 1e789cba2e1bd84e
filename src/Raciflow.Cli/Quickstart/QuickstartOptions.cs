using Raciflow.Workspaces;

namespace Raciflow.Cli.Quickstart;

/// <summary>Where and how to run the quickstart.</summary>
public sealed record QuickstartOptions
{
    /// <summary>Folder to create the example project in; recreated when an earlier quickstart made it.</summary>
    public required string Directory { get; init; }

    /// <summary>Tuning trials per algorithm.</summary>
    public int Trials { get; init; } = 8;

    /// <summary>Store overrides; by default the example gets its own SQLite and local artifact store.</summary>
    public string? StoreUri { get; init; }

    public string? ArtifactsUri { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public WorkspaceOptions ToWorkspaceOptions() => new()
    {
        Directory = Directory,
        StoreUri = StoreUri ?? WorkspaceOptions.DefaultStore,
        ArtifactsUri = ArtifactsUri ?? WorkspaceOptions.DefaultArtifacts,
        Clock = Clock,
    };
}
