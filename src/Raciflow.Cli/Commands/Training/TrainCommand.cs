using System.ComponentModel;
using System.Globalization;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Training;

/// <summary><c>raciflow train --data NAME[@VERSION] --target COLUMN …</c>: trains, tunes and compares algorithms.</summary>
[GovernedAction(GovernedActions.Train)]
public sealed class TrainCommand : RaciflowCommand<TrainCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var options = settings.ToTrainOptions();
        var pipeline = new TrainingWorkflow(workspace);
        var report = await GovernAsync(
            workspace,
            GovernedActions.Train,
            options.Data ?? workspace.Project?.Data.Name,
            grant => RunWithProgressAsync(pipeline, options with { User = grant.Actor }, output, cancellationToken),
            r => $"run {r.ParentRunId}: best {r.Best.Algorithm} {r.PrimaryMetric}={Format(r.Best.TestScore)}, KPIs {(r.KpisPassed ? "passed" : "failed")}",
            cancellationToken);
        output.Write(report, () => TrainingReportView.Render(report));
        return 0;
    }

    private static async Task<TrainingReport> RunWithProgressAsync(TrainingWorkflow pipeline, TrainOptions options, CliOutput output, CancellationToken cancellationToken)
    {
        if (output.Json || !output.Console.Profile.Capabilities.Interactive)
        {
            return await pipeline.RunAsync(options, null, cancellationToken);
        }

        TrainingReport? report = null;
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var observer = new TrainingProgress(ctx, Math.Max(1, options.Trials ?? 10), options.PrimaryMetric ?? "score");
                report = await pipeline.RunAsync(options, observer, cancellationToken);
            });
        return report!;
    }

    internal static string Format(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("-d|--data <DATASET>")]
        [Description("Dataset NAME[[@VERSION]] (default: data.name in raciflow.yaml).")]
        public string? Data { get; init; }

        [CommandOption("-t|--target <COLUMN>")]
        [Description("Column to predict (default: data.target).")]
        public string? Target { get; init; }

        [CommandOption("--task <TASK>")]
        [Description("regression, binary or multiclass (default: data.task, else inferred from the target).")]
        public string? Task { get; init; }

        [CommandOption("-a|--algorithms <LIST>")]
        [Description("Comma-separated catalog names (default: every algorithm for the task).")]
        public string? Algorithms { get; init; }

        [CommandOption("--tune <TRIALS>")]
        [Description("Tuning trials per algorithm (default 10; 1 trains the defaults only).")]
        public int? Trials { get; init; }

        [CommandOption("--tune-minutes <MINUTES>")]
        [Description("Tuning time budget per algorithm, instead of a trial count.")]
        public double? TuneMinutes { get; init; }

        [CommandOption("-e|--experiment <NAME>")]
        [Description("Experiment to record the runs in (default: the project name).")]
        public string? Experiment { get; init; }

        [CommandOption("--metric <METRIC>")]
        [Description("Primary metric that picks the best model (default r2 or f1_macro).")]
        public string? Metric { get; init; }

        [CommandOption("--seed <SEED>")]
        public int? Seed { get; init; }

        [CommandOption("--folds <K>")]
        [Description("Cross-validation folds on the training rows (default 5).")]
        public int? Folds { get; init; }

        public TrainOptions ToTrainOptions() => new()
        {
            Data = Data,
            Target = Target,
            Task = Task?.ToLowerInvariant() switch
            {
                null => null,
                "regression" => TaskKind.Regression,
                "binary" => TaskKind.Binary,
                "multiclass" => TaskKind.Multiclass,
                _ => throw RaciflowException.Invalid($"--task must be regression, binary or multiclass; got '{Task}'.", "--task"),
            },
            Algorithms = string.IsNullOrWhiteSpace(Algorithms) ? [] : Algorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Trials = TuneMinutes is null ? Trials : null,
            TimeBudget = TuneMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
            Experiment = Experiment,
            PrimaryMetric = Metric,
            Seed = Seed,
            Folds = Folds,
        };

        public override ValidationResult Validate() =>
            Trials is <= 0 ? ValidationResult.Error("--tune must be at least 1.")
            : TuneMinutes is <= 0 ? ValidationResult.Error("--tune-minutes must be positive.")
            : Folds is < 2 ? ValidationResult.Error("--folds must be at least 2.")
            : ValidationResult.Success();
    }
}
