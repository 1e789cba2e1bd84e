using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Workspaces;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Builds the governance facade for a CLI invocation with the caller's token (RACIFLOW_TOKEN or 'raciflow login').</summary>
public static class GovernanceCli
{
    public static GovernanceService Open(Workspace workspace) =>
        new(workspace, CredentialsFile.Resolve(WorkspaceKey(workspace)));

    /// <summary>What the credentials file is keyed by: the workspace's metadata store (password masked).</summary>
    public static string WorkspaceKey(Workspace workspace) => workspace.Metadata.DisplayUri;
}
