using System.Globalization;

namespace Raciflow.Data.Validation;

/// <summary>
/// For a classification target: reports the class distribution (info) and warns when the rarest class has fewer
/// rows than <see cref="ValidationOptions.MinClassRatio"/> of the most common one. Also warns when the declared
/// target is not in the data at all.
/// </summary>
public sealed class ClassBalanceCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var declared = context.Data?.Target;
        if (string.IsNullOrWhiteSpace(declared))
        {
            yield break;
        }

        if (!context.Frame.Contains(declared))
        {
            yield return new ValidationCheck(
                "target-present", declared, ValidationSeverity.Warning, false, "absent",
                $"The target '{declared}' declared in raciflow.yaml is not a column of this dataset.");
            yield break;
        }

        var target = TargetColumn.Find(context.Data, context.Frame)!;
        if (!target.IsClassification)
        {
            yield break;
        }

        var counts = ColumnValues.Counts(target.Column);
        var total = counts.Sum(c => c.Count);
        var distribution = string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Count} ({100.0 * c.Count / Math.Max(total, 1):0.#}%)")));
        yield return new ValidationCheck("class-distribution", declared, ValidationSeverity.Info, true, distribution, $"{counts.Count} classes in {total} labelled rows.");

        if (counts.Count < 2)
        {
            yield return new ValidationCheck(
                "class-balance", declared, ValidationSeverity.Warning, false, $"{counts.Count} classes",
                $"The target '{declared}' has fewer than two classes; a classifier cannot be trained on it.");
            yield break;
        }

        var rarest = counts[^1];
        var commonest = counts[0];
        var ratio = (double)rarest.Count / commonest.Count;
        var passed = ratio >= context.Options.MinClassRatio;
        yield return new ValidationCheck(
            "class-balance",
            declared,
            ValidationSeverity.Warning,
            passed,
            string.Create(CultureInfo.InvariantCulture, $"rarest/commonest = {ratio:0.###} ('{rarest.Value}' {rarest.Count} / '{commonest.Value}' {commonest.Count})"),
            passed
                ? "The classes are reasonably balanced."
                : string.Create(CultureInfo.InvariantCulture, $"Class '{rarest.Value}' has {rarest.Count} rows against {commonest.Count} of '{commonest.Value}' (ratio below {context.Options.MinClassRatio}); stratify the split and prefer F1 or balanced metrics over accuracy."));
    }
}
