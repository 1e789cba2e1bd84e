namespace Raciflow.Governance.Notifications;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchReport(int Delivered, int DeadLettered)
{
    public int Total => Delivered + DeadLettered;
}
