using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>
/// <c>raciflow members roles NAME --role ROLE[,ROLE]</c>: replaces a member's roles; governed like a matrix change
/// (the Accountable of problem-definition applies it, its Responsible asks them for approval).
/// </summary>
[GovernedAction(GovernedActions.RaciChange)]
public sealed class MembersRolesCommand : RaciflowCommand<MembersRolesCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var outcome = await GovernanceCli.Open(workspace).RaciChanges.SetMemberRolesAsync(settings.Name, settings.Roles, cancellationToken);
        output.Write(outcome, () => RaciSetCommand.Render(outcome));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The member whose roles change.")]
        public string Name { get; init; } = string.Empty;

        [CommandOption("-r|--role <ROLES>")]
        [Description("The member's new roles, comma-separated or repeated (names or abbreviations).")]
        public string[] Roles { get; init; } = [];
    }
}
