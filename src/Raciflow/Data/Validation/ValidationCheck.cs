using System.Text.Json.Serialization;

namespace Raciflow.Data.Validation;

/// <summary>
/// The outcome of one check on one column (or on the whole dataset when <see cref="Column"/> is null).
/// <see cref="Observed"/> is what the data showed, e.g. "12 of 344 (3.5%)"; <see cref="Examples"/> name rows or
/// lines so a person can find the offending values.
/// </summary>
public sealed record ValidationCheck(string Name, string? Column, ValidationSeverity Severity, bool Passed, string Observed, string Message)
{
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>True when the check failed and its severity makes the whole validation fail.</summary>
    [JsonIgnore]
    public bool IsFailure => !Passed && Severity == ValidationSeverity.Error;

    /// <summary>True when the check failed but only warns.</summary>
    [JsonIgnore]
    public bool IsWarning => !Passed && Severity == ValidationSeverity.Warning;
}
