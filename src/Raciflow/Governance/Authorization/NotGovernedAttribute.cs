namespace Raciflow.Governance.Authorization;

/// <summary>Marks a command that changes no governed state (it reads, or only touches local files), with the reason.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NotGovernedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
