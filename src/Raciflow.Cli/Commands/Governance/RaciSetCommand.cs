using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Changes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>
/// <c>raciflow raci set TASK ROLE LETTERS</c>: the Accountable of problem-definition changes the cell in
/// raciflow.yaml at once; its Responsible gets an approval request for the Accountable instead.
/// </summary>
[GovernedAction(GovernedActions.RaciChange)]
public sealed class RaciSetCommand : RaciflowCommand<RaciSetCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var outcome = await GovernanceCli.Open(workspace).RaciChanges.SetAssignmentAsync(settings.Task, settings.Role, settings.Letters, cancellationToken);
        output.Write(outcome, () => Render(outcome));
        return 0;
    }

    internal static Markup Render(RaciChangeOutcome outcome) => outcome.Applied
        ? GovernanceCli.Line($"[green]Changed[/] {Markup.Escape(outcome.Summary ?? outcome.Change.Target)}")
        : GovernanceCli.Line($"[yellow]Requested[/] approval {outcome.Approval!.Id} for {Markup.Escape(outcome.Change.Target)}: the Accountable of problem-definition decides it ('raciflow approvals approve {outcome.Approval.Id}').");

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<TASK>")]
        [Description("Lifecycle task, e.g. eda.")]
        public string Task { get; init; } = string.Empty;

        [CommandArgument(1, "<ROLE>")]
        [Description("Role name or abbreviation, e.g. data-scientist or DS.")]
        public string Role { get; init; } = string.Empty;

        [CommandArgument(2, "<LETTERS>")]
        [Description("R, A, RA, C, I, or - to remove the role from the task.")]
        public string Letters { get; init; } = string.Empty;
    }
}
