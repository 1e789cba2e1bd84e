namespace Raciflow.Governance.Notifications;

/// <summary>Why someone is notified, from their place in the matrix.</summary>
public static class NotificationReasons
{
    /// <summary>I roles (and R/A when nothing is asked of them): for their information.</summary>
    public const string Informed = "informed";

    /// <summary>R and A roles when an action of theirs is needed (e.g. an approval decision).</summary>
    public const string Act = "act";

    /// <summary>C roles whose opinion is asked (e.g. on an approval request).</summary>
    public const string Consulted = "consulted";
}
