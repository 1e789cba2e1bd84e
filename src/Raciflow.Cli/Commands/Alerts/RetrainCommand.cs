using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Retraining;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary><c>raciflow retrain MODEL [--reason TEXT]</c>.</summary>
[GovernedAction(GovernedActions.Retrain)]
public sealed class RetrainCommand : RaciflowCommand<RetrainCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var result = await new RetrainingService(GovernanceCli.Open(workspace)).RetrainAsync(settings.Model, settings.Reason, cancellationToken);
        output.Write(result, () => Render(result));
        return 0;
    }

    internal static IRenderable Render(RetrainingResult r)
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var verdict = r.AutoPromoted ? "[green]auto-promoted to production[/]" : $"approval {r.ApprovalId} requested ('raciflow approvals show {r.ApprovalId}')";
        return new Markup(
            $"[green]Retrained[/] {Markup.Escape(r.Champion)} → challenger [bold]{Markup.Escape(r.Challenger)}[/] ({Markup.Escape(r.Trigger)}), run {Markup.Escape(r.RunId)}\n"
            + $"  trained on {Markup.Escape(r.Dataset)}{(r.FeedbackRows > 0 ? $" (the champion's data plus {r.FeedbackRows} labelled feedback rows)" : string.Empty)}\n"
            + $"  {Markup.Escape(r.PrimaryMetric)} on {Markup.Escape(r.Holdout)}: challenger {F(r.ChallengerScores[r.PrimaryMetric])}, champion {F(r.ChampionScores[r.PrimaryMetric])}, margin {F(r.Margin)}\n"
            + $"  KPIs: {(r.Kpis.Count == 0 ? "none declared" : Markup.Escape(string.Join("; ", r.Kpis.Select(k => $"{k.Rule} {(k.Passed ? "passed" : "FAILED")}"))))}; {verdict}\n");
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("Registered model name with a production alias.")]
        public string Model { get; init; } = string.Empty;

        [CommandOption("--reason <TEXT>")]
        [Description("Why it is retrained; kept on the run and in the approval's evidence.")]
        public string? Reason { get; init; }
    }
}
