using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Feedback;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Monitoring;

/// <summary><c>raciflow feedback MODEL --input FILE [--key COLUMN]</c>.</summary>
[GovernedAction(GovernedActions.Feedback)]
public sealed class FeedbackCommand : RaciflowCommand<FeedbackCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        var records = FeedbackCsv.Read(settings.Input!, settings.Key);
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var result = await GovernAsync(
            workspace,
            GovernedActions.Feedback,
            settings.Model,
            _ => new FeedbackService(workspace).RecordAsync(settings.Model, records, settings.Key, cancellationToken),
            r => $"{r.Rows} rows by {r.KeyColumn} ({r.Inserted} new, {r.Updated} updated)",
            cancellationToken);
        output.Write(
            result,
            () => new Markup($"[green]Recorded[/] feedback for [bold]{Markup.Escape(result.Model)}[/]: {result.Rows:N0} rows by {Markup.Escape(result.KeyColumn)} ({result.Inserted:N0} new, {result.Updated:N0} updated)\n"));
        return 0;
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("Registered model name.")]
        public string Model { get; init; } = string.Empty;

        [CommandOption("-i|--input <FILE>")]
        [Description("CSV with columns request_id (or the --key column), actual and optionally time.")]
        public string? Input { get; init; }

        [CommandOption("--key <COLUMN>")]
        [Description("Input column that identifies predictions instead of request_id.")]
        public string? Key { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("Give the feedback file with --input FILE.") : ValidationResult.Success();
    }
}
