using Raciflow.Governance.Raci;
using T = Raciflow.Governance.Raci.LifecycleTasks;

namespace Raciflow.Governance.Authorization;

/// <summary>
/// THE table of state-changing actions: every one maps to exactly one lifecycle task. Commands and endpoints name
/// their action with <see cref="GovernedActionAttribute"/>; a test fails when one is missing here, and another
/// checks that docs/actions.md matches this table (regenerate it with <see cref="GovernedActionsDocument"/>).
/// </summary>
public static class GovernedActions
{
    public const string DataAdd = "data.add";
    public const string DataExpectations = "data.expectations";
    public const string DataValidate = "data.validate";
    public const string DataProfile = "data.profile";
    public const string DataSplit = "data.split";
    public const string FeaturesSpec = "features.spec";
    public const string Train = "train";
    public const string Tune = "tune";
    public const string RunsLog = "runs.log";
    public const string ModelsRegister = "models.register";
    public const string ModelsAlias = "models.alias";
    public const string ModelsAliasProduction = "models.alias.production";
    public const string Package = "package";
    public const string Serve = "serve";
    public const string MonitoringPolicy = "monitoring.policy";
    public const string AlertsAck = "alerts.ack";
    public const string AlertsResolve = "alerts.resolve";
    public const string Feedback = "feedback";
    public const string Retrain = "retrain";
    public const string ModelsRollback = "models.rollback";
    public const string RaciChange = "raci.change";
    public const string MembersAdd = "members.add";
    public const string MembersRevoke = "members.revoke";
    public const string MembersRotate = "members.rotate";
    public const string ApprovalsRequest = "approvals.request";
    public const string ApprovalsComment = "approvals.comment";
    public const string ApprovalsApprove = "approvals.approve";
    public const string ApprovalsReject = "approvals.reject";

    public static IReadOnlyList<GovernedAction> All { get; } =
    [
        new(DataAdd, T.DataPipeline, "Version a dataset from a CSV or Parquet source."),
        new(DataExpectations, T.DataPipeline, "Declare or change the expectations a dataset must meet."),
        new(DataValidate, T.DataPipeline, "Validate a dataset version against its expectations and record the result."),
        new(DataProfile, T.Eda, "Profile a dataset version (statistics, plots)."),
        new(DataSplit, T.DataPipeline, "Split a dataset version into train, validation and test rows."),
        new(FeaturesSpec, T.FeatureEngineering, "Declare or change the feature specification."),
        new(Train, T.Experiment, "Train a model (creates a tracked run)."),
        new(Tune, T.Experiment, "Search hyperparameters (creates tracked runs)."),
        new(RunsLog, T.Experiment, "Write to experiment tracking: parameters, metrics, artifacts of a run."),
        new(ModelsRegister, T.TrainingEvaluation, "Register a run's model as a new model version (after evaluation)."),
        new(ModelsAlias, T.PackagingDeployment, "Move a non-production alias such as staging to a model version."),
        new(ModelsAliasProduction, T.PackagingDeployment, "Promote a model version to production (needs an approval by the task's Accountable).", GatedByDefault: true),
        new(Package, T.PackagingDeployment, "Build a deployable bundle, ONNX export, Dockerfile or CI workflow."),
        new(Serve, T.PackagingDeployment, "Start or reconfigure a serving endpoint."),
        new(MonitoringPolicy, T.MonitoringMaintenance, "Set or change the monitoring policy (drift, latency, alert thresholds)."),
        new(AlertsAck, T.MonitoringMaintenance, "Acknowledge a monitoring alert."),
        new(AlertsResolve, T.MonitoringMaintenance, "Resolve a monitoring alert."),
        new(Feedback, T.MonitoringMaintenance, "Record ground-truth feedback for served predictions."),
        new(Retrain, T.Retraining, "Retrain a model on new data (champion/challenger)."),
        new(ModelsRollback, T.PackagingDeployment, "Point production back at an earlier model version (a deployment change, so its owners decide)."),
        new(RaciChange, T.ProblemDefinition, "Change a cell of the RACI matrix in raciflow.yaml or a member's roles: the task's Accountable applies it, its Responsible asks the Accountable for approval.", GatedByDefault: true),
        new(MembersAdd, T.ProblemDefinition, "Enrol a member with roles and issue their API token.", AdminAllowed: true),
        new(MembersRevoke, T.ProblemDefinition, "Revoke a member's access.", AdminAllowed: true),
        new(MembersRotate, T.ProblemDefinition, "Issue a member a new API token; the old one stops working.", AdminAllowed: true),
        new(ApprovalsRequest, T.ProblemDefinition, "Ask for approval of a gated action (authorised as the gated action itself).", TaskOfRequest: true),
        new(ApprovalsComment, T.ProblemDefinition, "Comment on an approval request (Consulted roles, or the task's R and A).", TaskOfRequest: true),
        new(ApprovalsApprove, T.ProblemDefinition, "Approve a request (only the task's Accountable).", TaskOfRequest: true),
        new(ApprovalsReject, T.ProblemDefinition, "Reject a request (only the task's Accountable).", TaskOfRequest: true),
    ];

    /// <summary>Finds an action or throws an Invalid error listing the known ones.</summary>
    public static GovernedAction Get(string name) =>
        All.FirstOrDefault(a => a.Name == name)
        ?? throw RaciflowException.Invalid($"Unknown governed action '{name}'; known actions: {string.Join(", ", All.Select(a => a.Name))}.", name);

    public static bool IsKnown(string name) => All.Any(a => a.Name == name);

    /// <summary>The tasks each table entry uses are all in the catalog; checked by a test.</summary>
    internal static IEnumerable<string> UnknownTasks => All.Select(a => a.Task).Where(t => !LifecycleTasks.IsKnown(t));
}
