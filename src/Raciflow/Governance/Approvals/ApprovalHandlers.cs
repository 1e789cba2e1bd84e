namespace Raciflow.Governance.Approvals;

/// <summary>The handlers that perform approved actions, by action name. Capabilities register theirs at startup.</summary>
public sealed class ApprovalHandlers
{
    private readonly Dictionary<string, IApprovalHandler> _handlers = new(StringComparer.Ordinal);

    public ApprovalHandlers Register(string action, IApprovalHandler handler)
    {
        _handlers[action] = handler;
        return this;
    }

    public IApprovalHandler? Find(string action) => _handlers.GetValueOrDefault(action);
}
