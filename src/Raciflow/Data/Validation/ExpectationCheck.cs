using System.Globalization;
using Raciflow.Projects;

namespace Raciflow.Data.Validation;

/// <summary>
/// Checks the expectations declared under <c>data.expectations</c> in raciflow.yaml. Every field set on an
/// expectation becomes one error-severity check, so a broken expectation fails the validation.
/// </summary>
public sealed class ExpectationCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var expectations = context.Data?.Expectations ?? [];
        for (var i = 0; i < expectations.Count; i++)
        {
            var expectation = expectations[i];
            var field = $"data.expectations[{i}]";
            ExpectationRules.Validate(expectation, field);
            foreach (var check in Check(expectation, context))
            {
                yield return check;
            }
        }
    }

    private static IEnumerable<ValidationCheck> Check(ExpectationConfig e, ValidationContext context)
    {
        var present = context.Frame.Contains(e.Column);
        if (!e.Present)
        {
            yield return Result("expect-absent", e.Column, !present, present ? "present" : "absent",
                present ? $"Column '{e.Column}' is expected to be absent but is present." : $"Column '{e.Column}' is absent.");
            yield break;
        }

        yield return Result("expect-present", e.Column, present, present ? "present" : "absent",
            present ? $"Column '{e.Column}' is present." : $"Column '{e.Column}' is expected but missing; columns are: {string.Join(", ", context.Frame.Columns.Select(c => c.Name))}.");
        if (!present)
        {
            yield break;
        }

        var column = context.Frame[e.Column];
        var examples = context.Options.MaxExamples;
        if (e.Type is not null)
        {
            var expected = ExpectationRules.ParseType(e.Type, "type");
            var passed = column.Type == expected || (expected == ColumnType.Numeric && column.Type == ColumnType.Integer);
            yield return Result("expect-type", e.Column, passed, Lower(column.Type),
                passed ? $"'{e.Column}' is {Lower(column.Type)}." : $"'{e.Column}' is {Lower(column.Type)}, expected {Lower(expected)}.");
        }

        if (e.Min is { } min)
        {
            yield return Bound("expect-min", column, min, v => v < min, $"below the minimum {Share.Number(min)}", examples);
        }

        if (e.Max is { } max)
        {
            yield return Bound("expect-max", column, max, v => v > max, $"above the maximum {Share.Number(max)}", examples);
        }

        if (e.Allowed is { } allowed)
        {
            yield return Allowed(column, allowed, examples);
        }

        if (e.MaxMissing is { } maxMissing)
        {
            var missing = column.MissingCount;
            var fraction = column.Length == 0 ? 0 : (double)missing / column.Length;
            var passed = fraction <= maxMissing;
            yield return Result("expect-max-missing", e.Column, passed, Share.Of(missing, column.Length),
                passed
                    ? $"Missing fraction {Share.Number(fraction)} is at most {Share.Number(maxMissing)}."
                    : $"'{e.Column}' misses {missing} values (fraction {Share.Number(fraction)}), more than the allowed {Share.Number(maxMissing)}.");
        }

        if (e.Unique == true)
        {
            yield return Unique(column, examples);
        }
    }

    private static ValidationCheck Bound(string name, FrameColumn column, double bound, Func<double, bool> breaks, string what, int maxExamples)
    {
        if (!ColumnValues.IsQuantity(column))
        {
            return Result(name, column.Name, false, Lower(column.Type), $"'{column.Name}' is {Lower(column.Type)}; a minimum or maximum needs a numeric column.");
        }

        var numbers = (NumericColumn)column;
        var rows = Enumerable.Range(0, numbers.Length).Where(r => !double.IsNaN(numbers.Values[r]) && breaks(numbers.Values[r])).ToList();
        var present = numbers.Length - numbers.MissingCount;
        return Result(name, column.Name, rows.Count == 0, Share.Of(rows.Count, present),
            rows.Count == 0 ? $"No value is {what}." : $"{rows.Count} values of '{column.Name}' are {what}.")
            with { Examples = rows.Take(maxExamples).Select(r => $"{ColumnValues.RowLabel(r)}: {numbers.Format(r)}").ToList() };
    }

    private static ValidationCheck Allowed(FrameColumn column, List<string> allowed, int maxExamples)
    {
        var set = new HashSet<string>(allowed, StringComparer.Ordinal);
        var rows = Enumerable.Range(0, column.Length).Where(r => column.Format(r) is { } v && !set.Contains(v)).ToList();
        var present = column.Length - column.MissingCount;
        var unexpected = rows.Select(column.Format).Distinct(StringComparer.Ordinal).Take(maxExamples).Select(v => $"'{v}'");
        return Result("expect-allowed", column.Name, rows.Count == 0, Share.Of(rows.Count, present),
            rows.Count == 0
                ? $"Every value is one of {string.Join(", ", allowed)}."
                : $"{rows.Count} values of '{column.Name}' are not allowed ({string.Join(", ", unexpected)}); allowed: {string.Join(", ", allowed)}.")
            with { Examples = rows.Take(maxExamples).Select(r => $"{ColumnValues.RowLabel(r)}: '{column.Format(r)}'").ToList() };
    }

    private static ValidationCheck Unique(FrameColumn column, int maxExamples)
    {
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        var repeats = 0;
        for (var row = 0; row < column.Length; row++)
        {
            if (column.Format(row) is not { } value)
            {
                continue;
            }

            if (firstSeen.TryGetValue(value, out var first))
            {
                repeats++;
                if (examples.Count < maxExamples)
                {
                    examples.Add($"{ColumnValues.RowLabel(row)}: '{value}' as in {ColumnValues.RowLabel(first)}");
                }
            }
            else
            {
                firstSeen[value] = row;
            }
        }

        var present = column.Length - column.MissingCount;
        return Result("expect-unique", column.Name, repeats == 0, $"{repeats} repeated of {present}",
            repeats == 0 ? "Every value is unique." : $"{repeats} values of '{column.Name}' repeat an earlier value.")
            with { Examples = examples };
    }

    private static ValidationCheck Result(string name, string column, bool passed, string observed, string message) =>
        new(name, column, ValidationSeverity.Error, passed, observed, message);

    private static string Lower(ColumnType type) => type.ToString().ToLower(CultureInfo.InvariantCulture);
}
