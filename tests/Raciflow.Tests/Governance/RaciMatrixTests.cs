using Raciflow.Governance.Raci;
using Raciflow.Projects;

namespace Raciflow.Tests.Governance;

public sealed class RaciMatrixTests
{
    private static ProjectConfig Load(string yaml) => ProjectConfigLoader.Parse(yaml, "raciflow.yaml");

    [Fact]
    public void TheDefaultMatrixParsesWithRaAsBothLetters()
    {
        var matrix = RaciMatrix.Parse(Load(GovernanceYaml.Default).Raci);
        Assert.Equal(RaciAssignment.Responsible | RaciAssignment.Accountable, matrix.Get("experiment", Roles.DataScientist));
        Assert.Equal(RaciAssignment.Accountable, matrix.Get("feature-engineering", Roles.DataEngineer));
        Assert.Equal(RaciAssignment.None, matrix.Get("eda", Roles.BusinessStakeholder));
        Assert.Equal([Roles.MlEngineer, Roles.DevOpsEngineer], matrix.RolesWith("packaging-deployment", RaciAssignment.Responsible));
        Assert.Equal(9, matrix.Tasks.Count());
    }

    [Theory]
    [InlineData("raci: { modelling: { data-scientist: R } }", "raci.modelling: unknown task 'modelling'")]
    [InlineData("raci: { eda: { wizard: R } }", "raci.eda.wizard: unknown role 'wizard'")]
    [InlineData("raci: { eda: { data-scientist: X } }", "raci.eda.data-scientist: 'X' is not a RACI assignment")]
    public void MistakesAreInvalidErrorsNamingTheYamlKey(string yaml, string expected)
    {
        var ex = Assert.Throws<RaciflowException>(() => RaciMatrix.Parse(Load(yaml).Raci));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("raciflow.yaml: " + expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbbreviationsResolveToRoleNames()
    {
        var matrix = RaciMatrix.Parse(Load("raci: { eda: { DS: RA, sme: r } }").Raci);
        Assert.Equal(RaciAssignment.Responsible | RaciAssignment.Accountable, matrix.Get("eda", Roles.DataScientist));
        Assert.Equal(RaciAssignment.Responsible, matrix.Get("eda", Roles.SubjectMatterExpert));
        Assert.Equal("DevOps", Roles.Abbreviate(Roles.DevOpsEngineer));
    }

    [Fact]
    public void SeveralMistakesAreReportedTogether()
    {
        var ex = Assert.Throws<RaciflowException>(() => RaciMatrix.Parse(Load("raci: { eda: { wizard: R, data-scientist: Q } }").Raci));
        Assert.Equal(2, ex.Details.Count);
    }

    [Fact]
    public void TheDefaultMatrixIsInvalidBecauseEdaHasNoAccountable()
    {
        var report = RaciValidator.Validate(Load(GovernanceYaml.Default), []);
        Assert.False(report.IsValid);
        var eda = Assert.Single(report.Findings, f => f.Key == "raci.eda");
        Assert.Equal("eda has no Accountable; e.g. make data-scientist RA (set `data-scientist: RA` under raci.eda)", $"{eda.Problem}; {eda.Fix}");

        // The template declares only the business stakeholder, so every other role used in the matrix is unheld.
        var unheld = report.Findings.Where(f => f.Key == "members").Select(f => f.Problem).ToList();
        Assert.Equal(6, unheld.Count);
        Assert.Contains(unheld, p => p.StartsWith("role devops-engineer is assigned", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFixedMatrixWithEveryRoleHeldIsValid()
    {
        var report = RaciValidator.Validate(Load(GovernanceYaml.Fixed), []);
        Assert.True(report.IsValid, string.Join("\n", report.Findings));
    }

    [Fact]
    public void WorkspaceMembersCountAsRoleHolders()
    {
        var yaml = GovernanceYaml.Fixed.Replace("roles: [ml-engineer, devops-engineer]", "roles: [ml-engineer]", StringComparison.Ordinal);
        Assert.Contains(RaciValidator.Validate(Load(yaml), []).Findings, f => f.Problem.Contains("devops-engineer", StringComparison.Ordinal));
        Assert.True(RaciValidator.Validate(Load(yaml), [new RoleHolder("olga", [Roles.DevOpsEngineer])]).IsValid);
    }

    [Fact]
    public void TwoAccountablesNoResponsibleAndUnusedRolesAreFindingsWithFixes()
    {
        var yaml = GovernanceYaml.Fixed
            .Replace("feature-engineering:    { subject-matter-expert: C, data-engineer: A, data-scientist: R, ml-engineer: C }", "feature-engineering:    { subject-matter-expert: C, data-engineer: A, data-scientist: A, ml-engineer: C }", StringComparison.Ordinal)
            .Replace("software-engineer: C, ml-engineer: RA, devops-engineer: R", "ml-engineer: RA, devops-engineer: R", StringComparison.Ordinal)
            .Replace("software-engineer: I, ml-engineer: RA, devops-engineer: R", "ml-engineer: RA, devops-engineer: R", StringComparison.Ordinal)
            .Replace("data-scientist: R, software-engineer: I, ml-engineer: RA", "data-scientist: R, ml-engineer: RA", StringComparison.Ordinal)
            .Replace("data-engineer: RA, data-scientist: C, software-engineer: C", "data-engineer: RA, data-scientist: C", StringComparison.Ordinal);
        var findings = RaciValidator.Validate(Load(yaml), []).Findings;
        var fe = findings.Where(f => f.Key == "raci.feature-engineering").ToList();
        Assert.Equal(2, fe.Count);
        Assert.Contains(fe, f => f.Problem.Contains("2 Accountable roles (data-engineer, data-scientist)", StringComparison.Ordinal) && f.Fix.Contains("`data-scientist: R`", StringComparison.Ordinal));
        Assert.Contains(fe, f => f.Problem == "feature-engineering has no Responsible");
        Assert.Contains(findings, f => f.Problem == "role software-engineer is used nowhere in the matrix.");
    }

    [Fact]
    public void AMemberViewListsWhatTheyAreRACIFor()
    {
        var matrix = RaciMatrix.Parse(Load(GovernanceYaml.Fixed).Raci);
        var view = MemberRaciView.Create(matrix, new RoleHolder("max", [Roles.MlEngineer, Roles.DevOpsEngineer]));
        Assert.Equal(["experiment", "packaging-deployment", "monitoring-maintenance", "retraining"], view.Responsible);
        Assert.Equal(["packaging-deployment", "monitoring-maintenance", "retraining"], view.Accountable);
        Assert.Equal(["problem-definition", "eda", "data-pipeline", "feature-engineering", "training-evaluation"], view.Consulted);
        Assert.Empty(view.Informed);
    }
}
