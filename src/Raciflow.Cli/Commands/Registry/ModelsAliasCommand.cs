using System.ComponentModel;
using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Promotion;
using Raciflow.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary>
/// <c>raciflow models alias MODEL VERSION ALIAS [--approval ID]</c>: moves staging or any team alias at once; for
/// production it files an approval request for the Accountable (approving performs the move), or performs a move
/// already approved when given its id.
/// </summary>
[GovernedAction(GovernedActions.ModelsAlias)]
[GovernedAction(GovernedActions.ModelsAliasProduction)]
public sealed class ModelsAliasCommand : RaciflowCommand<ModelsAliasCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var promotion = new PromotionService(GovernanceCli.Open(workspace));
        var outcome = await promotion.MoveAsync(ModelName.Validate(settings.Model), settings.Version, settings.Alias, settings.Approval, cancellationToken: cancellationToken);
        output.Write(outcome, () => outcome.Move is { } m
            ? new Markup($"[green]Moved[/] {Markup.Escape(m.Model)} [bold]{Markup.Escape(m.Alias)}[/]: {ModelsShowCommand.Version(m.From)} → {ModelsShowCommand.Version(m.To)}{(m.Reason == "unchanged" ? " (unchanged)" : string.Empty)}\n")
            : new Markup(
                $"[yellow]Approval {outcome.Approval!.Id} requested[/]: {Markup.Escape(outcome.Approval.Target ?? string.Empty)} waits for the Accountable of {Markup.Escape(outcome.Approval.Task)}.\n" +
                $"KPIs {(outcome.Evidence!.KpisPassed ? "[green]pass[/]" : "[red]FAIL[/]")}; current {Markup.Escape(outcome.Evidence.Current ?? "none")}. See: raciflow approvals show {outcome.Approval.Id}\n"));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<MODEL>")]
        public string Model { get; init; } = string.Empty;

        [CommandArgument(1, "<VERSION>")]
        public int Version { get; init; }

        [CommandArgument(2, "<ALIAS>")]
        [Description("staging, production, or any lower-case name.")]
        public string Alias { get; init; } = string.Empty;

        [CommandOption("--approval <ID>")]
        [Description("Perform a move already approved under this approval id.")]
        public long? Approval { get; init; }
    }
}
