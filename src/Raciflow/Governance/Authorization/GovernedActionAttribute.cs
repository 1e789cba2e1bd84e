namespace Raciflow.Governance.Authorization;

/// <summary>
/// Marks a CLI command (or endpoint type) that changes state with the governed action it performs. A test
/// enumerates the commands and fails when one carries neither this nor <see cref="NotGovernedAttribute"/>, or names
/// an action missing from <see cref="GovernedActions"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GovernedActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
