namespace Raciflow.Governance.Members;

/// <summary>The result of adding a member or rotating a token: the token, shown once.</summary>
/// <param name="Member">The member.</param>
/// <param name="Token">The new API token; it is not stored and cannot be shown again.</param>
/// <param name="EnforcementSwitchedOn">True when this was the first member, so the workspace left single-user mode.</param>
public sealed record IssuedToken(MemberInfo Member, string Token, bool EnforcementSwitchedOn)
{
    public override string ToString() => $"IssuedToken {{ Member = {Member.Name}, Token = ***, EnforcementSwitchedOn = {EnforcementSwitchedOn} }}";
}
