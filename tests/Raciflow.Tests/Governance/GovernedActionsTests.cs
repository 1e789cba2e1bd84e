using System.Reflection;
using Raciflow.Cli;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Raci;
using Raciflow.Tests.Support;
using Spectre.Console.Cli;

namespace Raciflow.Tests.Governance;

public sealed class GovernedActionsTests
{
    private static IEnumerable<Type> CommandTypes =>
        typeof(CliApp).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t));

    [Fact]
    public void EveryCliCommandDeclaresItsGovernedActionOrWhyItHasNone()
    {
        var undeclared = CommandTypes
            .Where(t => !t.GetCustomAttributes<GovernedActionAttribute>().Any() && t.GetCustomAttribute<NotGovernedAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();
        Assert.True(undeclared.Count == 0, "Commands that change state must name their action in Governance/Authorization/GovernedActions.cs "
            + "with [GovernedAction(...)], or say why they change no governed state with [NotGoverned(\"...\")]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void EveryActionACommandDeclaresIsInTheTable()
    {
        var unknown = CommandTypes
            .SelectMany(t => t.GetCustomAttributes<GovernedActionAttribute>().Select(a => (t.Name, a.Action)))
            .Where(x => !GovernedActions.IsKnown(x.Action))
            .ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void TheCommandsFoundIncludeTheGovernanceOnes()
    {
        var names = CommandTypes.Select(t => t.Name).ToList();
        Assert.Contains("MembersAddCommand", names);
        Assert.Contains("InitCommand", names);
    }

    [Fact]
    public void EveryActionBelongsToAKnownTaskAndNamesAreUnique()
    {
        Assert.Empty(GovernedActions.UnknownTasks);
        Assert.Equal(GovernedActions.All.Count, GovernedActions.All.Select(a => a.Name).Distinct().Count());
        Assert.Equal(LifecycleTasks.DataPipeline, GovernedActions.Get("data.add").Task);
        Assert.Equal(LifecycleTasks.Eda, GovernedActions.Get("data.profile").Task);
        Assert.Equal(LifecycleTasks.Experiment, GovernedActions.Get("runs.log").Task);
        Assert.Equal(LifecycleTasks.TrainingEvaluation, GovernedActions.Get("models.register").Task);
        Assert.True(GovernedActions.Get("models.alias.production").GatedByDefault);
        Assert.Equal(LifecycleTasks.ProblemDefinition, GovernedActions.Get("members.add").Task);
    }

    [Fact]
    public void UnknownActionsAreInvalid()
    {
        var ex = Assert.Throws<RaciflowException>(() => GovernedActions.Get("models.delete"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("models.register", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsActionsMdIsGeneratedFromTheTable()
    {
        var path = Path.Combine(RepositoryPaths.Root, GovernedActionsDocument.RelativePath);
        var expected = GovernedActionsDocument.Render();
        if (Environment.GetEnvironmentVariable("RACIFLOW_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with RACIFLOW_UPDATE_DOCS=1 to write it.");
        Assert.True(expected == File.ReadAllText(path), $"{path} differs from GovernedActions.cs: run the tests with RACIFLOW_UPDATE_DOCS=1 to regenerate it.");
        foreach (var action in GovernedActions.All)
        {
            Assert.Contains($"`{action.Name}`", expected, StringComparison.Ordinal);
        }
    }
}
