namespace Raciflow.Data.Validation;

/// <summary>One built-in check; it reports one <see cref="ValidationCheck"/> per column it applies to (or one for the dataset).</summary>
public interface IDatasetCheck
{
    IEnumerable<ValidationCheck> Run(ValidationContext context);
}
