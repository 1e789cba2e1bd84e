using Raciflow.Data;
using Raciflow.Data.Validation;
using Raciflow.Projects;
using static Raciflow.Tests.Data.Support.Frames;

namespace Raciflow.Tests.Data;

public sealed class ExpectationCheckTests
{
    private static readonly Frame Sample = Of(
        Integers("id", 1, 2, 3, 3),
        Numbers("age", 20, 35, double.NaN, 130),
        Labels("grade", "A", "B", "C", "Z"));

    private static ValidationReport Validate(params ExpectationConfig[] expectations) =>
        new DatasetValidator().Validate("test@1", Sample, [], new DataConfig { Expectations = [.. expectations] });

    private static ValidationCheck Check(ValidationReport report, string name) => Assert.Single(report.Checks, c => c.Name == name);

    private static void AssertOutcome(ValidationReport report, string name, bool passed)
    {
        var check = Check(report, name);
        Assert.Equal(ValidationSeverity.Error, check.Severity);
        Assert.Equal(passed, check.Passed);
        Assert.Equal(passed, report.Passed);
        Assert.Equal(passed ? 0 : 1, report.Failures);
    }

    [Fact]
    public void PresentPassesForAnExistingColumnAndFailsNamingTheColumnsThereAre()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "age" }), "expect-present", true);
        var missing = Validate(new ExpectationConfig { Column = "height" });
        AssertOutcome(missing, "expect-present", false);
        Assert.Contains("id, age, grade", Check(missing, "expect-present").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentPassesWhenTheColumnIsGoneAndFailsWhenItIsThere()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "ssn", Present = false }), "expect-absent", true);
        AssertOutcome(Validate(new ExpectationConfig { Column = "grade", Present = false }), "expect-absent", false);
    }

    [Fact]
    public void TypeAcceptsIntegersAsNumericButNotCategoriesAsNumbers()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "id", Type = "numeric" }), "expect-type", true);
        AssertOutcome(Validate(new ExpectationConfig { Column = "grade", Type = "Categorical" }), "expect-type", true);
        var wrong = Validate(new ExpectationConfig { Column = "grade", Type = "numeric" });
        AssertOutcome(wrong, "expect-type", false);
        Assert.Equal("categorical", Check(wrong, "expect-type").Observed);
    }

    [Fact]
    public void MinAndMaxCountTheValuesOutsideAndIgnoreMissingOnes()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "age", Min = 20 }), "expect-min", true);
        AssertOutcome(Validate(new ExpectationConfig { Column = "age", Max = 130 }), "expect-max", true);
        var tooOld = Validate(new ExpectationConfig { Column = "age", Max = 120 });
        AssertOutcome(tooOld, "expect-max", false);
        Assert.Equal("1 of 3 (33.3%)", Check(tooOld, "expect-max").Observed);
        Assert.Equal(["row 4: 130"], Check(tooOld, "expect-max").Examples);
        AssertOutcome(Validate(new ExpectationConfig { Column = "age", Min = 21 }), "expect-min", false);
        AssertOutcome(Validate(new ExpectationConfig { Column = "grade", Min = 0 }), "expect-min", false);
    }

    [Fact]
    public void AllowedValuesNameTheValuesThatAreNot()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "grade", Allowed = ["A", "B", "C", "Z"] }), "expect-allowed", true);
        var report = Validate(new ExpectationConfig { Column = "grade", Allowed = ["A", "B", "C"] });
        AssertOutcome(report, "expect-allowed", false);
        Assert.Contains("'Z'", Check(report, "expect-allowed").Message, StringComparison.Ordinal);
        Assert.Equal(["row 4: 'Z'"], Check(report, "expect-allowed").Examples);
    }

    [Fact]
    public void MaxMissingComparesTheMissingFraction()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "age", MaxMissing = 0.25 }), "expect-max-missing", true);
        var report = Validate(new ExpectationConfig { Column = "age", MaxMissing = 0.2 });
        AssertOutcome(report, "expect-max-missing", false);
        Assert.Equal("1 of 4 (25%)", Check(report, "expect-max-missing").Observed);
    }

    [Fact]
    public void UniqueFindsRepeatedValues()
    {
        AssertOutcome(Validate(new ExpectationConfig { Column = "grade", Unique = true }), "expect-unique", true);
        var report = Validate(new ExpectationConfig { Column = "id", Unique = true });
        AssertOutcome(report, "expect-unique", false);
        Assert.Equal(["row 4: '3' as in row 3"], Check(report, "expect-unique").Examples);
    }

    [Theory]
    [InlineData("", null, null, null, "data.expectations[0].column")]
    [InlineData("age", "number", null, null, "data.expectations[0].type")]
    [InlineData("age", null, 10.0, 5.0, "data.expectations[0].min")]
    public void MalformedExpectationsAreInvalidAndNameTheirField(string column, string? type, double? min, double? max, string field)
    {
        var ex = Assert.Throws<RaciflowException>(() => Validate(new ExpectationConfig { Column = column, Type = type, Min = min, Max = max }));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal(field, ex.Location);
        Assert.StartsWith("raciflow.yaml: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMaxMissingOutsideZeroToOneIsInvalid()
    {
        var ex = Assert.Throws<RaciflowException>(() => Validate(new ExpectationConfig { Column = "age", MaxMissing = 5 }));
        Assert.Equal("data.expectations[0].max_missing", ex.Location);
    }
}
