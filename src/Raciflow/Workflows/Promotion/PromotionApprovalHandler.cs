using Raciflow.Governance;
using Raciflow.Governance.Approvals;

namespace Raciflow.Workflows.Promotion;

/// <summary>Performs an approved alias move as the approver (the Accountable), so approving is promoting.</summary>
public sealed class PromotionApprovalHandler(GovernanceService governance) : IApprovalHandler
{
    public void ValidateArguments(string argumentsJson)
    {
        PromotionArguments arguments;
        try
        {
            arguments = PromotionArguments.FromJson(argumentsJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw RaciflowException.Invalid($"arguments: a promotion names {{\"model\", \"version\", \"alias\"}}: {ex.Message}", "arguments");
        }

        Registry.ModelName.Validate(arguments.Model ?? string.Empty, "arguments.model");
        Registry.ModelName.ValidateAlias(arguments.Alias ?? string.Empty, "arguments.alias");
        if (arguments.Version < 1)
        {
            throw RaciflowException.Invalid($"arguments.version: {arguments.Version} is not a version number (1, 2, …).", "arguments.version");
        }
    }

    public async Task<string?> PerformAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = PromotionArguments.FromJson(request.ArgumentsJson);
        var move = await new PromotionService(governance).PerformAsync(arguments, $"approval {request.Id}", cancellationToken);
        return $"{move.Model} {move.Alias}: {(move.From is { } f ? "version " + f : "unset")} → version {move.To}";
    }
}
