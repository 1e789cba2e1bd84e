using Raciflow.Workflows;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Data.Splitting;
using Raciflow.Data.Validation;
using Raciflow.Governance;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Workflows.Promotion;
using Raciflow.Projects;
using Raciflow.Registry;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Cli.Quickstart;

/// <summary>
/// The whole lifecycle on the bundled example, walked as the project's members: the business stakeholder
/// enrols the team, the data engineer adds and validates the data and records the split, the data scientist
/// profiles it and trains every algorithm with tuning, registers the best model and walks the production gate.
/// Every step is authorized by the RACI matrix and audited.
/// </summary>
public sealed class QuickstartRunner(QuickstartOptions options)
{
    public async Task<QuickstartResult> RunAsync(Action<QuickstartStep>? onStep = null, ITrainingObserver? trainingObserver = null, CancellationToken cancellationToken = default)
    {
        var steps = new List<QuickstartStep>();
        void Done(QuickstartStep step)
        {
            steps.Add(step);
            onStep?.Invoke(step);
        }

        ExampleProject.WriteFresh(options.Directory);
        using var workspace = await Workspace.OpenAsync(options.ToWorkspaceOptions(), cancellationToken);
        var project = workspace.RequireProject();
        Done(new QuickstartStep("Create the example project", null, null, $"{workspace.ProjectFile} and data/students.csv (1,000 students)"));

        var tokens = await EnrolAsync(workspace, project, cancellationToken);
        Done(new QuickstartStep("Enrol the team", project.Members[0].Name, project.Members[0].Roles[0], $"{tokens.Count} members, one per role; enforcement is on"));

        var dataset = project.Data.Name!;
        var reference = DatasetRef.Parse(dataset);
        var engineer = Holder(project, "data-engineer");
        var scientist = Holder(project, "data-scientist");

        var added = await AsMemberAsync(workspace, tokens, engineer, GovernedActions.DataAdd, dataset, () =>
            new DatasetService(workspace).AddAsync(Path.Combine(workspace.Directory, project.Data.Source!), dataset, null, cancellationToken), cancellationToken);
        Done(new QuickstartStep("Add the data", engineer, "data-engineer", $"{added.Version.Label} ({added.Version.Hash[..12]}): {added.Version.RowCount:N0} rows × {added.Version.ColumnCount} columns"));

        var validation = await AsMemberAsync(workspace, tokens, engineer, GovernedActions.DataValidate, dataset, () =>
            new DatasetValidationService(workspace).ValidateAsync(reference, cancellationToken), cancellationToken);
        Done(new QuickstartStep("Validate the data", engineer, "data-engineer", $"{(validation.Passed ? "passed" : "FAILED")}: {validation.Failures} failed expectations, {validation.Warnings} warnings"));

        var profilePath = Path.Combine(workspace.Directory, "reports", "students-profile.html");
        Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
        await AsMemberAsync(workspace, tokens, scientist, GovernedActions.DataProfile, dataset, () =>
            new DatasetProfileService(workspace).ProfileAsync(reference, profilePath, null, cancellationToken), cancellationToken);
        Done(new QuickstartStep("Profile the data (EDA)", scientist, "data-scientist", profilePath));

        var split = await AsMemberAsync(workspace, tokens, engineer, GovernedActions.DataSplit, dataset, () =>
            new DatasetSplitService(workspace).SplitAsync(reference, new SplitOverrides(), cancellationToken), cancellationToken);
        Done(new QuickstartStep("Record the split", engineer, "data-engineer", $"train {split.Split.TrainRows}, validation {split.Split.ValidationRows}, test {split.Split.TestRows} rows (seed {split.Split.Seed})"));

        var training = await AsMemberAsync(workspace, tokens, scientist, GovernedActions.Train, dataset, () =>
            new TrainingWorkflow(workspace).RunAsync(new TrainOptions { Trials = options.Trials, User = scientist }, trainingObserver, cancellationToken), cancellationToken);
        Done(new QuickstartStep("Train and tune every algorithm", scientist, "data-scientist", $"best {training.Best.Algorithm}: test {training.PrimaryMetric} {training.Best.TestScore:0.0000}; KPIs {(training.KpisPassed ? "passed" : "failed")}"));

        var model = await DeployAsync(workspace, project, tokens, training, Done, cancellationToken);

        var audit = await AuditLog.ListAsync(workspace.Metadata, new AuditQuery(Limit: 100), cancellationToken);
        var verification = await AuditLog.VerifyAsync(workspace.Metadata, cancellationToken);
        return new QuickstartResult(workspace.Directory, steps, tokens, added.Version.Label, profilePath, training, model, audit, verification.IsIntact);
    }

    /// <summary>
    /// Registers the best model, stages it, and walks the production gate: the DevOps engineer (R) asks, the consulted
    /// data scientist and software engineer comment, the ML engineer (A) approves, which moves production.
    /// </summary>
    private static async Task<string> DeployAsync(Workspace workspace, ProjectConfig project, IReadOnlyDictionary<string, string> tokens, TrainingReport training, Action<QuickstartStep> done, CancellationToken cancellationToken)
    {
        var scientist = Holder(project, "data-scientist");
        var devops = Holder(project, "devops-engineer");
        var accountable = Holder(project, "ml-engineer");
        var name = project.Project;
        var version = await AsMemberAsync(workspace, tokens, scientist, GovernedActions.ModelsRegister, name, () =>
            new ModelRegistry(workspace).RegisterAsync(training.ParentRunId, name, $"Best of the quickstart's training ({training.Best.Algorithm}).", scientist, cancellationToken), cancellationToken);
        done(new QuickstartStep("Register the best model", scientist, "data-scientist", $"{version.Label} from run {version.RunId} ({version.Algorithm})"));

        PromotionService As(string member) => new(GovernanceHandlers.Register(new GovernanceService(workspace, new Credentials(tokens[member]))));
        await As(devops).MoveAsync(name, version.Version, ModelAliases.Staging, cancellationToken: cancellationToken);
        done(new QuickstartStep("Stage it", devops, "devops-engineer", $"{name}@{ModelAliases.Staging} → version {version.Version}"));

        var asked = await As(devops).MoveAsync(name, version.Version, ModelAliases.Production, cancellationToken: cancellationToken);
        var approval = asked.Approval ?? throw new InvalidOperationException("Production is gated in the example project.");
        done(new QuickstartStep("Ask to promote to production", devops, "devops-engineer", $"approval {approval.Id}; KPIs {(asked.Evidence!.KpisPassed ? "pass" : "FAIL")} ({string.Join(", ", asked.Evidence.Kpis.Select(k => $"{k.Rule}: {k.Actual:0.000}"))})"));

        foreach (var role in approval.ConsultedRoles.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var member = Holder(project, role);
            var opinion = role == "data-scientist" ? $"Test metrics hold up; {training.Best.Algorithm} won the leaderboard." : "The signature and the API contract are fine for the client.";
            await new GovernanceService(workspace, new Credentials(tokens[member])).Approvals.CommentAsync(approval.Id, opinion, cancellationToken);
            done(new QuickstartStep("Comment as consulted", member, role, opinion));
        }

        var decision = await GovernanceHandlers.Register(new GovernanceService(workspace, new Credentials(tokens[accountable]))).Approvals.ApproveAsync(approval.Id, "KPIs pass and the consulted agree.", cancellationToken);
        done(new QuickstartStep("Approve production", accountable, "ml-engineer", decision.Result ?? $"approval {approval.Id} approved"));
        return version.Model;
    }

    private static async Task<Dictionary<string, string>> EnrolAsync(Workspace workspace, ProjectConfig project, CancellationToken cancellationToken)
    {
        if (project.Members.Count == 0)
        {
            throw RaciflowException.Invalid("The example raciflow.yaml names no members.", "members");
        }

        // The first member is added in single-user mode and becomes admin; the others are enrolled with that token.
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = project.Members[0];
        var issued = await new GovernanceService(workspace, Credentials.None).Members.AddAsync(first.Name, first.Roles, cancellationToken: cancellationToken);
        tokens[first.Name] = issued.Token;
        var admin = new GovernanceService(workspace, new Credentials(issued.Token));
        foreach (var member in project.Members.Skip(1))
        {
            tokens[member.Name] = (await admin.Members.AddAsync(member.Name, member.Roles, cancellationToken: cancellationToken)).Token;
        }

        return tokens;
    }

    internal static string Holder(ProjectConfig project, string role) =>
        project.Members.FirstOrDefault(m => m.Roles.Contains(role, StringComparer.Ordinal))?.Name
        ?? throw RaciflowException.Invalid($"The example raciflow.yaml names no {role}.", "members");

    private static Task<T> AsMemberAsync<T>(Workspace workspace, IReadOnlyDictionary<string, string> tokens, string member, string action, string target, Func<Task<T>> work, CancellationToken cancellationToken) =>
        new GovernanceService(workspace, new Credentials(tokens[member])).RunAsync(action, target, _ => work(), cancellationToken: cancellationToken);
}
