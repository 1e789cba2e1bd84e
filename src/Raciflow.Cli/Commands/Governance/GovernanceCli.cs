using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Workspaces;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Builds the governance facade for a CLI invocation with the caller's token (RACIFLOW_TOKEN or 'raciflow login').</summary>
public static class GovernanceCli
{
    public static GovernanceService Open(Workspace workspace) =>
        GovernanceHandlers.Register(new GovernanceService(workspace, CredentialsFile.Resolve(WorkspaceKey(workspace))));

    /// <summary>One line of markup for people, ending the line so the shell prompt starts on its own.</summary>
    public static Markup Line(string markup) => new(markup + Environment.NewLine);

    /// <summary>Shortens long free text (audit summaries, denial messages) for a table cell; --json has it whole.</summary>
    public static string Clip(string? text, int max = 60) =>
        text is null ? string.Empty : text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>What the credentials file is keyed by: the workspace's metadata store (password masked).</summary>
    public static string WorkspaceKey(Workspace workspace) => workspace.Metadata.DisplayUri;
}
