using System.Globalization;
using Raciflow.Data;
using Raciflow.Data.Splitting;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Raciflow.Governance.Raci;
using Raciflow.Workflows.Promotion;
using Raciflow.Projects;
using Raciflow.Registry;
using Raciflow.Training.Evaluation;

using Raciflow.Workflows;

namespace Raciflow.Workflows.Retraining;

/// <summary>
/// Champion/challenger retraining: trains the production version's recorded configuration (its algorithm and
/// hyperparameters) on the latest version of its dataset, registers the result as the <c>challenger</c>, scores
/// both on the same fresh holdout, and files the production approval with both scores (or, only where
/// retraining.auto_promote allows it, promotes a challenger that is better and passes the KPIs). Governed as task
/// retraining: a person needs R or A; the policy in raciflow.yaml stands in for a person on alerts and schedules.
/// </summary>
public sealed class RetrainingService(GovernanceService governance)
{
    /// <summary>Who acts when the retraining policy (not a person) starts a retraining.</summary>
    public const string PolicyActor = "retraining-policy";

    public const string ChallengerAlias = "challenger";

    private Workspaces.Workspace Workspace => governance.Workspace;

    /// <summary>A person retrains (<c>raciflow retrain</c>): authorised against the RACI matrix.</summary>
    public async Task<RetrainingResult> RetrainAsync(string model, string? reason = null, CancellationToken cancellationToken = default)
    {
        var grant = await governance.AuthorizeAsync(GovernedActions.Retrain, ModelName.Validate(model), cancellationToken);
        return await RunAsync(grant, model, RetrainingTrigger.Manual(reason), cancellationToken);
    }

    /// <summary>The policy retrains (an alert kind it names, or its schedule): audited as the policy, not a person.</summary>
    public Task<RetrainingResult> RetrainByPolicyAsync(string model, RetrainingTrigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var grant = new AuthorizationGrant(PolicyActor, "policy", LifecycleTasks.Retraining, GovernedActions.Retrain, ModelName.Validate(model), SingleUserMode: false);
        return RunAsync(grant, model, trigger, cancellationToken);
    }

    private async Task<RetrainingResult> RunAsync(AuthorizationGrant grant, string model, RetrainingTrigger trigger, CancellationToken cancellationToken)
    {
        var policy = Workspace.Project?.Retraining ?? new RetrainingConfig();
        var registry = new ModelRegistry(Workspace);
        var champion = await registry.GetServedAsync(ModelRef.ForAlias(model, ModelAliases.Production), cancellationToken);
        var datasetName = champion.Dataset is { } d ? DatasetRef.Parse(d).Name
            : throw new RaciflowException(ErrorKind.Unprocessable, $"{champion.Label} records no training dataset, so there is nothing to retrain it on.") { Location = "model" };
        var championBundle = await registry.LoadBundleAsync(champion, cancellationToken);
        var datasets = new DatasetService(Workspace);
        var latest = await datasets.ResolveAsync(new DatasetRef(datasetName, null), cancellationToken);
        var feedbackRows = 0;
        if (policy.IncludeFeedback)
        {
            var reference = champion.DatasetVersionId is { } referenceId ? await VersionByIdAsync(datasets, datasetName, referenceId, cancellationToken) : latest;
            if (await new FeedbackDatasetBuilder(Workspace).BuildAsync(model, champion.Target, reference, cancellationToken) is { } withFeedback)
            {
                (latest, feedbackRows) = withFeedback;
            }
        }

        var report = await new TrainingWorkflow(Workspace).RunAsync(
            new TrainOptions
            {
                Data = latest.Label,
                Target = champion.Target,
                Task = champion.Task,
                Algorithms = [champion.Algorithm],
                Trials = 1,
                Hyperparameters = new Dictionary<string, IReadOnlyDictionary<string, object>> { [champion.Algorithm] = championBundle.Hyperparameters.Values },
                Tags = trigger.Tags(champion.Label),
                User = grant.Actor,
            },
            cancellationToken: cancellationToken);
        var challenger = await registry.RegisterAsync(report.Best.RunId, model, $"challenger to {champion.Label}, retrained {trigger.Describe()}", grant.Actor, cancellationToken);
        await registry.SetAliasAsync(model, challenger.Version, ChallengerAlias, $"retraining {trigger.Describe()}", grant.Actor, cancellationToken);

        var (holdout, holdoutText) = await HoldoutAsync(datasets, latest, champion.DatasetVersionId, report.SplitId, cancellationToken);
        var championScores = HoldoutScorer.Score(championBundle, holdout, champion.Target);
        var challengerScores = HoldoutScorer.Score(await registry.LoadBundleAsync(challenger, cancellationToken), holdout, champion.Target);
        var metric = Metric.Get(report.PrimaryMetric, champion.Task);
        var margin = metric.Oriented(challengerScores[metric.Name]) - metric.Oriented(championScores[metric.Name]);
        var kpis = KpiEvaluator.Evaluate(Workspace.Project?.Problem.Kpis ?? [], challengerScores);
        var result = new RetrainingResult
        {
            Model = model,
            Trigger = trigger.Describe(),
            RunId = report.ParentRunId,
            Dataset = latest.Label,
            FeedbackRows = feedbackRows,
            Champion = champion.Label,
            Challenger = challenger.Label,
            ChallengerVersion = challenger.Version,
            Holdout = holdoutText,
            PrimaryMetric = metric.Name,
            ChampionScores = championScores,
            ChallengerScores = challengerScores,
            Margin = margin,
            Kpis = kpis,
        };

        var promotion = new PromotionService(governance);
        if (policy.AutoPromote && margin > 0 && kpis.All(k => k.Passed))
        {
            await promotion.AutoPromoteAsync(grant, model, challenger.Version, cancellationToken);
            result = result with { AutoPromoted = true };
        }
        else
        {
            var request = await promotion.RequestForAsync(grant, model, challenger.Version, Notes(result, policy), cancellationToken);
            result = result with { ApprovalId = request.Id };
        }

        var after = $"{challenger.Label} from run {report.ParentRunId} ({trigger.Describe()}) on {latest.Label}{(feedbackRows > 0 ? $" (with {feedbackRows} feedback rows)" : string.Empty)}; {metric.Name} {F(challengerScores[metric.Name])} vs {F(championScores[metric.Name])} on {holdoutText}; "
            + (result.AutoPromoted ? "auto-promoted to production" : $"approval {result.ApprovalId} requested");
        await governance.AuditAsync(
            grant with { Target = champion.Label },
            champion.Label,
            after,
            notification: new Notification(GovernedActions.Retrain, LifecycleTasks.Retraining, grant.Actor, champion.Label, $"{grant.Actor} retrained {champion.Label}: {after}", ConsultRoles: true),
            cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>
    /// Rows neither version trained on: the test rows of the challenger's split, less any row the champion's dataset
    /// version held (the champion may have trained on those, as its split differed). When too few remain, the whole
    /// test split, and the description says the champion may have seen some of it; on the champion's own dataset
    /// version the split is the one it was tested on (splits are recorded and reused), so nothing overlaps.
    /// </summary>
    private async Task<(Frame Rows, string Description)> HoldoutAsync(DatasetService datasets, DatasetVersion latest, long? championVersionId, long splitId, CancellationToken cancellationToken)
    {
        var frame = await datasets.LoadFrameAsync(latest, cancellationToken);
        var splits = new DatasetSplitService(Workspace);
        var test = (await splits.LoadSplitIndicesAsync(await splits.GetSplitAsync(splitId, cancellationToken), cancellationToken)).Test;
        if (championVersionId is not { } oldId || oldId == latest.Id)
        {
            return (frame.Take(test), $"the {test.Length} test rows of {latest.Label} (split {splitId}), which neither version trained on");
        }

        var old = await VersionByIdAsync(datasets, latest.Dataset!.Name, oldId, cancellationToken);
        var oldFrame = await datasets.LoadFrameAsync(old, cancellationToken);
        var seen = Enumerable.Range(0, oldFrame.RowCount).Select(r => RowKey(oldFrame, r)).ToHashSet(StringComparer.Ordinal);
        var fresh = test.Where(r => !seen.Contains(RowKey(frame, r))).ToList();
        return fresh.Count >= MinimumFreshRows
            ? (frame.Take(fresh), $"the {fresh.Count} test rows of {latest.Label} (split {splitId}) that are not in {old.Label}")
            : (frame.Take(test), $"the {test.Length} test rows of {latest.Label} (split {splitId}); only {fresh.Count} are new, so the champion ({old.Label}) may have trained on some");
    }

    private static async Task<DatasetVersion> VersionByIdAsync(DatasetService datasets, string name, long id, CancellationToken cancellationToken)
    {
        var number = (await datasets.VersionsAsync(name, cancellationToken)).FirstOrDefault(v => v.Id == id)?.Number
            ?? throw new RaciflowException(ErrorKind.NotFound, $"The dataset version the champion trained on (id {id}) is no longer among the versions of '{name}'.") { Location = "dataset" };
        return await datasets.ResolveAsync(new DatasetRef(name, number.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }

    /// <summary>Fewer new rows than this make a noisy comparison; the test split is used instead.</summary>
    private const int MinimumFreshRows = 20;

    private static string RowKey(Frame frame, int row) => string.Join('\u001f', frame.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Format(row) ?? "\u0000"));

    private static Dictionary<string, string> Notes(RetrainingResult result, RetrainingConfig policy)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trigger"] = result.Trigger,
            ["retraining_run"] = result.RunId,
            ["champion"] = result.Champion,
            ["challenger"] = result.Challenger,
            ["holdout"] = result.Holdout,
            ["dataset"] = result.FeedbackRows > 0 ? $"{result.Dataset}: the champion's data plus {result.FeedbackRows} labelled feedback rows" : result.Dataset,
            ["primary_metric"] = result.PrimaryMetric,
            ["champion_score"] = F(result.ChampionScores[result.PrimaryMetric]),
            ["challenger_score"] = F(result.ChallengerScores[result.PrimaryMetric]),
            ["margin"] = F(result.Margin),
            ["kpis"] = result.Kpis.Count == 0 ? "none declared" : string.Join("; ", result.Kpis.Select(k => $"{k.Rule}: {(k.Actual is { } a ? F(a) : "n/a")} {(k.Passed ? "passed" : "FAILED")}")),
            ["auto_promote"] = policy.AutoPromote ? "allowed, but the challenger is not better or misses a KPI" : "not allowed by the policy",
        };
        foreach (var (name, value) in result.ChampionScores)
        {
            notes[$"champion_{name}"] = F(value);
        }

        foreach (var (name, value) in result.ChallengerScores)
        {
            notes[$"challenger_{name}"] = F(value);
        }

        return notes;
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
