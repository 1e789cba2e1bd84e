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

    private static Task<int> Run(params string[] args) => CliApp.RunAsync(args);
}
