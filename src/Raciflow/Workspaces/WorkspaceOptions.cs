namespace Raciflow.Workspaces;

/// <summary>How to open a workspace; unset values fall back to environment variables, then defaults.</summary>
public sealed class WorkspaceOptions
{
    public const string StoreVariable = "RACIFLOW_STORE";
    public const string ArtifactsVariable = "RACIFLOW_ARTIFACTS";
    public const string DefaultStore = "sqlite:.raciflow/raciflow.db";
    public const string DefaultArtifacts = "file:.raciflow/artifacts";

    /// <summary>The project folder; default: the nearest folder upwards holding raciflow.yaml or .raciflow, else the current one.</summary>
    public string? Directory { get; set; }

    public string? StoreUri { get; set; }

    public string? ArtifactsUri { get; set; }

    /// <summary>Who acts, for audit; default: the OS user.</summary>
    public string? Actor { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
