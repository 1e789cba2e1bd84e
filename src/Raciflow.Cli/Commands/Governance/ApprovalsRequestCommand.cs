using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow approvals request ACTION [--target T] [--args JSON] [--evidence FILE]</c>.</summary>
[GovernedAction(GovernedActions.ApprovalsRequest)]
public sealed class ApprovalsRequestCommand : RaciflowCommand<ApprovalsRequestCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        string? evidence = null;
        if (settings.Evidence is { } file)
        {
            var path = Path.GetFullPath(file);
            evidence = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : throw RaciflowException.NotFound($"--evidence: file '{path}' does not exist.");
        }

        var request = await GovernanceCli.Open(workspace).RequestApprovalAsync(GovernedActions.Get(settings.Action).Name, settings.Target, settings.Arguments, evidence, cancellationToken);
        output.Write(request, () => GovernanceCli.Line($"[green]Requested[/] approval {request.Id} for {Markup.Escape(request.Action)} {Markup.Escape(request.Target ?? string.Empty)}; the Accountable of {Markup.Escape(request.Task)} decides it."));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<ACTION>")]
        [Description("The gated action, e.g. models.alias.production.")]
        public string Action { get; init; } = string.Empty;

        [CommandOption("--target <TARGET>")]
        [Description("What it applies to, e.g. 'churn v3'.")]
        public string? Target { get; init; }

        [CommandOption("--args <JSON>")]
        [Description("The action's arguments as JSON (default {}).")]
        public string Arguments { get; init; } = "{}";

        [CommandOption("--evidence <FILE>")]
        [Description("A JSON file of evidence (KPI checks, diffs).")]
        public string? Evidence { get; init; }
    }
}
