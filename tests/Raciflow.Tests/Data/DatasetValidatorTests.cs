using Raciflow.Data;
using Raciflow.Data.Validation;
using Raciflow.Projects;
using Raciflow.Tests.Data.Support;
using static Raciflow.Tests.Data.Support.Frames;

namespace Raciflow.Tests.Data;

public sealed class DatasetValidatorTests
{
    private static ValidationReport Validate(Frame frame, DataConfig? data = null, ValidationOptions? options = null, IReadOnlyList<ColumnStatistics>? stats = null) =>
        new DatasetValidator(options).Validate("test@1", frame, stats ?? [], data);

    private static ValidationCheck Single(ValidationReport report, string name, string? column) =>
        Assert.Single(report.Checks, c => c.Name == name && c.Column == column);

    [Fact]
    public void OutliersAreCountedWithTukeysFencesOnLinearlyInterpolatedQuartiles()
    {
        // Sorted: -20, 1..10, 100. R-7 quartiles: Q1 = 2.75, Q3 = 8.25, IQR = 5.5, fences [-5.5, 16.5].
        var report = Validate(Of(Numbers("x", 1, 2, 3, 4, 5, 100, 6, 7, 8, 9, 10, -20, double.NaN)));
        var check = Single(report, "outliers", "x");
        Assert.False(check.Passed);
        Assert.Equal(ValidationSeverity.Warning, check.Severity);
        Assert.Equal("2 of 12 (16.7%)", check.Observed);
        Assert.Contains("[-5.5, 16.5]", check.Message, StringComparison.Ordinal);
        Assert.Equal(["row 6: 100", "row 12: -20"], check.Examples);
    }

    [Fact]
    public void ValuesOnTheFenceAreNotOutliers()
    {
        // 1..9: Q1 = 3, Q3 = 7, IQR = 4, upper fence 13: 13 itself stays inside.
        var report = Validate(Of(Numbers("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 13)));
        Assert.True(Single(report, "outliers", "x").Passed);
    }

    [Fact]
    public void DuplicateRowsAreCountedWithTheRowTheyRepeatAndMissingValuesCompareEqual()
    {
        var frame = Of(
            Numbers("n", 1, 2, 1, 1, 1, 1),
            Labels("s", "a", "b", "a", "a", null, null));
        var check = Single(Validate(frame), "duplicate-rows", null);
        Assert.False(check.Passed);
        Assert.Equal("3 of 6 (50%)", check.Observed);
        Assert.Equal(["row 3 repeats row 1", "row 4 repeats row 1", "row 6 repeats row 5"], check.Examples);
    }

    [Fact]
    public void MissingValuesAreReportedPerColumnWithTheRowsThatMissThem()
    {
        var frame = Of(Numbers("full", 1, 2, 3, 4), Labels("gaps", "a", null, "b", null));
        var report = Validate(frame);
        Assert.True(Single(report, "missing-values", "full").Passed);
        var gaps = Single(report, "missing-values", "gaps");
        Assert.False(gaps.Passed);
        Assert.Equal("2 of 4 (50%)", gaps.Observed);
        Assert.Equal(["row 2", "row 4"], gaps.Examples);
    }

    [Fact]
    public void InvalidValuesComeFromIngestionStatisticsWithTheirLines()
    {
        var frame = Of(Numbers("age", 30, double.NaN, 40));
        var stats = new[]
        {
            new ColumnStatistics { Name = "age", Type = ColumnType.Numeric, Count = 3, Missing = 1, Invalid = 1, InvalidExamples = [new InvalidValue(3, "n/a")] },
        };
        var check = Single(Validate(frame, stats: stats), "invalid-values", "age");
        Assert.False(check.Passed);
        Assert.Equal("1 of 3 (33.3%)", check.Observed);
        Assert.Equal(["line 3: 'n/a'"], check.Examples);
    }

    [Fact]
    public void ConstantColumnsAreFlaggedAndVaryingOnesPass()
    {
        var report = Validate(Of(Labels("same", "x", "x", null), Numbers("varies", 1, 2, 3)));
        var same = Single(report, "constant-column", "same");
        Assert.False(same.Passed);
        Assert.Equal("1 distinct value ('x')", same.Observed);
        Assert.True(Single(report, "constant-column", "varies").Passed);
    }

    [Fact]
    public void CategoricalsWithMoreCategoriesThanAllowedAreFlagged()
    {
        var frame = Of(Labels("many", "a", "b", "c", "d", "a"), Labels("few", "a", "b", "c", "a", "a"));
        var report = Validate(frame, options: new ValidationOptions { MaxCategories = 3 });
        var many = Single(report, "high-cardinality", "many");
        Assert.False(many.Passed);
        Assert.Equal("4 distinct values", many.Observed);
        Assert.True(Single(report, "high-cardinality", "few").Passed);
    }

    [Fact]
    public void AnImbalancedClassificationTargetIsAWarningAndTheDistributionIsReported()
    {
        var frame = Of(Classes("y", ("a", 50), ("b", 4)));
        var report = Validate(frame, new DataConfig { Target = "y" });
        var balance = Single(report, "class-balance", "y");
        Assert.False(balance.Passed);
        Assert.Equal(ValidationSeverity.Warning, balance.Severity);
        Assert.Equal("rarest/commonest = 0.08 ('b' 4 / 'a' 50)", balance.Observed);
        Assert.Equal("a 50 (92.6%), b 4 (7.4%)", Single(report, "class-distribution", "y").Observed);
        Assert.True(report.Passed, "built-in findings only warn");
        Assert.True(report.Warnings >= 1);
    }

    [Fact]
    public void ABalancedTargetPassesAndARegressionTargetHasNoClassCheck()
    {
        var classes = Validate(Of(Classes("y", ("a", 10), ("b", 9))), new DataConfig { Target = "y" });
        Assert.True(Single(classes, "class-balance", "y").Passed);
        var regression = Validate(Of(Numbers("y", 1, 2, 3)), new DataConfig { Target = "y" });
        Assert.DoesNotContain(regression.Checks, c => c.Name == "class-balance");
    }

    [Fact]
    public void ADeclaredTargetMissingFromTheDataIsAWarning()
    {
        var report = Validate(Of(Numbers("x", 1, 2)), new DataConfig { Target = "y" });
        Assert.False(Single(report, "target-present", "y").Passed);
    }

    [Fact]
    public void ExpectationsHashChangesWithTheExpectationsAndNotOtherwise()
    {
        var frame = Of(Numbers("x", 1, 2));
        var a = Validate(frame, new DataConfig { Expectations = [new ExpectationConfig { Column = "x", Min = 0 }] });
        var b = Validate(frame, new DataConfig { Expectations = [new ExpectationConfig { Column = "x", Min = 0 }] });
        var c = Validate(frame, new DataConfig { Expectations = [new ExpectationConfig { Column = "x", Min = 1 }] });
        Assert.Equal(a.ExpectationsHash, b.ExpectationsHash);
        Assert.NotEqual(a.ExpectationsHash, c.ExpectationsHash);
        Assert.Equal(64, a.ExpectationsHash.Length);
    }
}
