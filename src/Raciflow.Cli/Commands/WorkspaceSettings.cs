using System.ComponentModel;
using Raciflow.Workspaces;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Options every command that touches a workspace accepts.</summary>
public class WorkspaceSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Write machine-readable JSON to stdout (errors too).")]
    public bool Json { get; init; }

    [CommandOption("--store <URI>")]
    [Description("Metadata store: sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB (env RACIFLOW_STORE).")]
    public string? Store { get; init; }

    [CommandOption("--artifacts <URI>")]
    [Description("Artifact store: file:PATH or s3://BUCKET/PREFIX (env RACIFLOW_ARTIFACTS).")]
    public string? Artifacts { get; init; }

    [CommandOption("-C|--dir <DIR>")]
    [Description("Project folder (default: nearest folder upwards with raciflow.yaml).")]
    public string? Directory { get; init; }

    public WorkspaceOptions ToOptions() => new() { Directory = Directory, StoreUri = Store, ArtifactsUri = Artifacts };
}
