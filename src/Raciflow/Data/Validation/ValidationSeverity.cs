namespace Raciflow.Data.Validation;

/// <summary>How much a failed check matters: errors fail the validation, warnings and infos only inform.</summary>
public enum ValidationSeverity
{
    Error,
    Warning,
    Info,
}
