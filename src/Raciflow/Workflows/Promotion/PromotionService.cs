using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Governance;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;
using Raciflow.Projects;
using Raciflow.Registry;

namespace Raciflow.Workflows.Promotion;

/// <summary>
/// Moving aliases under governance. Ordinary aliases move at once (task packaging-deployment); production is gated:
/// the move becomes an approval request with its evidence, and approving it performs the move
/// (<see cref="PromotionApprovalHandler"/>). Every move lands in the alias history and the audit log.
/// </summary>
public sealed class PromotionService(GovernanceService governance)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ModelRegistry Registry => new(governance.Workspace);

    /// <summary>The governed action that moving <paramref name="alias"/> is.</summary>
    public static string ActionFor(string alias) =>
        alias == ModelAliases.Production ? GovernedActions.ModelsAliasProduction : GovernedActions.ModelsAlias;

    /// <summary>
    /// Moves the alias, or, when the move is gated and no approval is given, asks for one. With an approved
    /// request id the move is performed and the approval used up (Conflict when forged or replayed).
    /// </summary>
    public async Task<PromotionOutcome> MoveAsync(string model, int version, string alias, long? approvalId = null, string? reason = null, IReadOnlyDictionary<string, string>? notes = null, CancellationToken cancellationToken = default)
    {
        var candidate = await Registry.GetAsync(ModelRef.ForVersion(model, version), cancellationToken);
        ModelName.ValidateAlias(alias);
        var action = ActionFor(alias);
        var arguments = new PromotionArguments(candidate.Model, candidate.Version, alias);
        if (governance.RequiresApproval(action))
        {
            if (approvalId is null)
            {
                var evidence = await EvidenceAsync(candidate, alias, notes, cancellationToken);
                var request = await governance.RequestApprovalAsync(action, $"{candidate.Label} → {alias}", arguments.ToJson(), JsonSerializer.Serialize(evidence, Json), cancellationToken);
                return new PromotionOutcome(null, request, evidence);
            }

            await governance.Approvals.ConsumeAsync(approvalId.Value, action, arguments.ToJson(), cancellationToken);
            reason ??= $"approval {approvalId}";
        }

        var move = await PerformAsync(arguments, reason, cancellationToken);
        return new PromotionOutcome(move, null, null);
    }

    /// <summary>Performs an authorised (and, if gated, already approved) move as the caller, audited.</summary>
    internal Task<AliasHistoryEntry> PerformAsync(PromotionArguments arguments, string? reason, CancellationToken cancellationToken) =>
        governance.RunAsync(
            ActionFor(arguments.Alias),
            $"{arguments.Model}@{arguments.Version} → {arguments.Alias}",
            grant => Registry.SetAliasAsync(arguments.Model, arguments.Version, arguments.Alias, reason, grant.Actor, cancellationToken),
            m => $"{m.Alias}: {(m.From is { } f ? "version " + f : "unset")} → version {m.To}",
            cancellationToken);

    /// <summary>
    /// Asks for the production promotion of a version on behalf of work the caller was authorised for (a
    /// retraining), with the evidence and the caller's notes; the Accountable of packaging-deployment decides.
    /// </summary>
    internal async Task<ApprovalRequest> RequestForAsync(AuthorizationGrant requester, string model, int version, IReadOnlyDictionary<string, string> notes, CancellationToken cancellationToken)
    {
        var candidate = await Registry.GetAsync(ModelRef.ForVersion(model, version), cancellationToken);
        var arguments = new PromotionArguments(candidate.Model, candidate.Version, ModelAliases.Production);
        var evidence = await EvidenceAsync(candidate, ModelAliases.Production, notes, cancellationToken);
        return await governance.Approvals.RequestOnBehalfAsync(requester, GovernedActions.ModelsAliasProduction, $"{candidate.Label} → {ModelAliases.Production}", arguments.ToJson(), JsonSerializer.Serialize(evidence, Json), cancellationToken);
    }

    /// <summary>
    /// Moves production without an approval because the project's retraining policy explicitly allows it
    /// (retraining.auto_promote); audited as a production promotion with reason "auto-promotion".
    /// </summary>
    internal async Task<AliasHistoryEntry> AutoPromoteAsync(AuthorizationGrant requester, string model, int version, CancellationToken cancellationToken)
    {
        var move = await Registry.SetAliasAsync(model, version, ModelAliases.Production, "auto-promotion", requester.Actor, cancellationToken);
        var grant = requester with { Action = GovernedActions.ModelsAliasProduction, Task = GovernedActions.Get(GovernedActions.ModelsAliasProduction).Task, Target = $"{model}@{version} → {ModelAliases.Production}" };
        await governance.AuditAsync(grant, move.From is { } f ? $"version {f}" : "unset", $"version {move.To} (auto-promotion allowed by retraining.auto_promote)", cancellationToken: cancellationToken);
        return move;
    }

    /// <summary>Points the alias back at the version it held before its latest move, in one audited step.</summary>
    public async Task<AliasHistoryEntry> RollbackAsync(string model, string alias = ModelAliases.Production, CancellationToken cancellationToken = default)
    {
        var previous = await Registry.PreviousVersionAsync(model, alias, cancellationToken);
        return await governance.RunAsync(
            GovernedActions.ModelsRollback,
            $"{model} {alias} → {previous}",
            grant => Registry.SetAliasAsync(model, previous, alias, "rollback", grant.Actor, cancellationToken),
            m => $"{m.Alias}: version {m.From} → version {m.To} (rollback)",
            cancellationToken);
    }

    public async Task<PromotionEvidence> EvidenceAsync(ModelVersionDetails candidate, string alias, IReadOnlyDictionary<string, string>? notes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ModelVersionDetails? current = null;
        try
        {
            current = await Registry.GetAsync(ModelRef.ForAlias(candidate.Model, alias), cancellationToken);
        }
        catch (RaciflowException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            // First promotion: nothing to compare with.
        }

        var metrics = candidate.Metrics.Where(m => m.Key.StartsWith("test_", StringComparison.Ordinal) || m.Key.StartsWith("validation_", StringComparison.Ordinal))
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m =>
            {
                double? old = current?.Metrics.TryGetValue(m.Key, out var o) == true ? o : null;
                return new MetricComparison(m.Key, m.Value, old, old is { } x ? m.Value - x : null);
            }).ToList();
        return new PromotionEvidence
        {
            Candidate = candidate.Label,
            Current = current?.Label,
            Algorithm = candidate.Algorithm,
            CurrentAlgorithm = current?.Algorithm,
            Dataset = candidate.Dataset,
            CurrentDataset = current?.Dataset,
            Kpis = KpiEvaluator.EvaluateOnTest(governance.Workspace.Project?.Problem.Kpis ?? [], candidate.Metrics),
            Metrics = metrics,
            SignatureChanges = current is null ? [] : SignatureChanges(current.Signature, candidate.Signature),
            DataValidation = await ValidationAsync(candidate.DatasetVersionId, cancellationToken),
            Notes = notes,
        };
    }

    private static List<string> SignatureChanges(ModelSignature before, ModelSignature after)
    {
        var changes = new List<string>();
        changes.AddRange(after.Inputs.Where(f => before.Find(f.Name) is null).Select(f => $"added input {f.Name} ({f.Type.ToString().ToLowerInvariant()})"));
        changes.AddRange(before.Inputs.Where(f => after.Find(f.Name) is null).Select(f => $"removed input {f.Name}"));
        changes.AddRange(after.Inputs.Where(f => before.Find(f.Name) is { } b && b.Type != f.Type)
            .Select(f => $"input {f.Name}: {before.Find(f.Name)!.Type.ToString().ToLowerInvariant()} → {f.Type.ToString().ToLowerInvariant()}"));
        return changes;
    }

    private async Task<string?> ValidationAsync(long? datasetVersionId, CancellationToken cancellationToken)
    {
        if (datasetVersionId is not { } id)
        {
            return null;
        }

        await using var db = governance.Workspace.Metadata.CreateContext();
        var latest = await db.Set<DatasetValidation>().AsNoTracking().Where(v => v.DatasetVersionId == id).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? "not validated"
            : $"{(latest.Passed ? "passed" : "FAILED")} ({latest.Failures} failures, {latest.Warnings} warnings) on {latest.CreatedAt:yyyy-MM-dd HH:mm} UTC";
    }
}
