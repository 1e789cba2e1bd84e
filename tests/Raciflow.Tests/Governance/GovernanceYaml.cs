using Raciflow.Projects;

namespace Raciflow.Tests.Governance;

/// <summary>Project files for governance tests.</summary>
public static class GovernanceYaml
{
    /// <summary>What 'raciflow init' writes: the literature's matrix, with no Accountable for eda.</summary>
    public static string Default => ProjectTemplate.Render("test");

    /// <summary>The default matrix with eda fixed (data-scientist RA) and every role held by a declared member.</summary>
    public static string Fixed => Default
        .Replace("eda:                    { subject-matter-expert: R, data-scientist: R, ml-engineer: C }", "eda:                    { subject-matter-expert: R, data-scientist: RA, ml-engineer: C }", StringComparison.Ordinal)
        .Replace("""
            members:
              - name: owner
                roles: [business-stakeholder]
            """, """
            members:
              - name: owner
                roles: [business-stakeholder]
              - name: sam
                roles: [subject-matter-expert, data-engineer]
              - name: dana
                roles: [data-scientist, software-engineer]
              - name: max
                roles: [ml-engineer, devops-engineer]
            """, StringComparison.Ordinal);

    /// <summary>The fixed project with extra yaml appended at the end (e.g. more gates or webhooks).</summary>
    public static string FixedWith(string gates, string notifications = "") =>
        Fixed[..Fixed.IndexOf("\ngates:", StringComparison.Ordinal)] + "\n" + gates + "\n" + notifications + "\n";
}
