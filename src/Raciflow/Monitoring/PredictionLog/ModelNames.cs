using System.Text.RegularExpressions;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>The model names and versions the prediction log accepts: safe as artifact-key segments.</summary>
public static partial class ModelNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? model) => model is not null && Pattern().IsMatch(model);

    /// <summary>Throws an Invalid error naming the model when its name cannot be a key segment.</summary>
    public static string Validate(string? model) => IsValid(model)
        ? model!
        : throw RaciflowException.Invalid($"Model name '{model}' must be 1–{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.", model ?? "model");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Pattern();
}
