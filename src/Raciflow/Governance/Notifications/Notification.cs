namespace Raciflow.Governance.Notifications;

/// <summary>A lifecycle event to tell people about. The matrix of <see cref="Task"/> decides who hears of it.</summary>
/// <param name="Event">What happened, e.g. <c>models.register</c> or <c>approval.requested</c>.</param>
/// <param name="Task">The lifecycle task it belongs to.</param>
/// <param name="Actor">Who did it (not notified of their own action).</param>
/// <param name="Target">What it was done to.</param>
/// <param name="Text">One line for people.</param>
/// <param name="ActionNeeded">R and A roles are asked to act rather than only told.</param>
/// <param name="ConsultRoles">C roles are asked for their opinion.</param>
public sealed record Notification(string Event, string Task, string Actor, string? Target, string Text, bool ActionNeeded = false, bool ConsultRoles = false);
