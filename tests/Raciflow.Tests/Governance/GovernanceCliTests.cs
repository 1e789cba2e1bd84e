using Raciflow.Cli;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

/// <summary>The governance commands end to end through the real command tree, checked by their exit codes.</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class GovernanceCliTests
{
    [Fact]
    public async Task ValidateFailsOnTheDefaultMatrixAndPassesOnceFixed()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, await Run("init", dir.Path));
        Assert.Equal(3, await Run("raci", "validate", "-C", dir.Path));
        Assert.Equal(3, await Run("raci", "validate", "--json", "-C", dir.Path));
        dir.Write("raciflow.yaml", GovernanceYaml.Fixed);
        Assert.Equal(0, await Run("raci", "validate", "-C", dir.Path));
        Assert.Equal(0, await Run("raci", "show", "-C", dir.Path));
        Assert.Equal(0, await Run("raci", "show", "--member", "dana", "-C", dir.Path));
        Assert.Equal(4, await Run("raci", "show", "--member", "nobody", "-C", dir.Path));
        dir.Write("raciflow.yaml", GovernanceYaml.Fixed.Replace("data-scientist: RA, ml-engineer: C }", "data-scientist: XYZ, ml-engineer: C }", StringComparison.Ordinal));
        Assert.Equal(2, await Run("raci", "show", "-C", dir.Path));
    }

    [Fact]
    public async Task MemberCommandsEnforceTokensOnceTheFirstMemberExists()
    {
        using var dir = new TempDirectory();
        dir.Write("raciflow.yaml", GovernanceYaml.Fixed);
        Assert.Equal(2, await Run("members", "add", "x/y", "--role", "DS", "-C", dir.Path));
        Assert.Equal(2, await Run("members", "add", "ann", "--role", "wizard", "-C", dir.Path));
        Assert.Equal(0, await Run("members", "list", "-C", dir.Path));
        Assert.Equal(0, await Run("members", "add", "ann", "--role", "BS", "-C", dir.Path));
        Assert.Equal(6, await Run("members", "add", "bob", "--role", "DS", "-C", dir.Path));
        Assert.Equal(6, await Run("approvals", "request", "models.alias.production", "-C", dir.Path));
        Assert.Equal(4, await Run("approvals", "show", "42", "-C", dir.Path));
        Assert.Equal(0, await Run("audit", "list", "-C", dir.Path));
        Assert.Equal(0, await Run("audit", "verify", "-C", dir.Path));
        Assert.Equal(0, await Run("notifications", "dispatch", "-C", dir.Path));
    }

    [Fact]
    public async Task RaciSetAndMembersRolesAreGovernedFromTheCommandLine()
    {
        using var dir = new TempDirectory();
        dir.Write("raciflow.yaml", GovernanceYaml.Default);
        Assert.Equal(0, await Run("raci", "set", "eda", "data-scientist", "RA", "-C", dir.Path)); // single-user mode: applied
        var yaml = File.ReadAllText(dir.File("raciflow.yaml"));
        Assert.Contains("eda:                    { subject-matter-expert: R, data-scientist: RA, ml-engineer: C }", yaml, StringComparison.Ordinal);
        Assert.Contains("# WARNING: the literature's matrix names no Accountable for eda", yaml, StringComparison.Ordinal); // comments kept
        Assert.Equal(2, await Run("raci", "set", "eda", "data-scientist", "XYZ", "-C", dir.Path));
        Assert.Equal(2, await Run("raci", "set", "nowhere", "DS", "R", "-C", dir.Path));
        Assert.Equal(0, await Run("members", "add", "ann", "--role", "BS", "-C", dir.Path));
        Assert.Equal(6, await Run("raci", "set", "eda", "DS", "R", "-C", dir.Path)); // members now: a token is needed
        Assert.Equal(6, await Run("members", "roles", "ann", "--role", "DS", "-C", dir.Path));
    }

    private static Task<int> Run(params string[] args) => CliApp.RunAsync(args);
}
