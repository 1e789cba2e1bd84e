namespace Raciflow.Training.Tuning;

/// <summary>The hyperparameters an algorithm exposes for a task.</summary>
public sealed record HyperparameterSpace(IReadOnlyList<Hyperparameter> Parameters)
{
    public static HyperparameterSpace Empty { get; } = new([]);

    public Hyperparameters Defaults() =>
        new(Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal));

    /// <summary>Checks user-given values: unknown names, wrong types and out-of-range values are errors naming the parameter.</summary>
    public Hyperparameters Validate(IReadOnlyDictionary<string, object> values, string algorithm)
    {
        var merged = Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var p = Parameters.FirstOrDefault(x => x.Name == name)
                ?? throw RaciflowException.Invalid(
                    $"Algorithm '{algorithm}' has no hyperparameter '{name}'; it has: {(Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Select(x => x.Name)))}.",
                    name);
            merged[name] = p.Kind == HyperparameterKind.Choice ? CheckChoice(p, value, algorithm) : CheckNumber(p, value, algorithm);
        }

        return new Hyperparameters(merged);
    }

    private static string CheckChoice(Hyperparameter p, object value, string algorithm)
    {
        var s = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        return p.Choices.Contains(s)
            ? s
            : throw RaciflowException.Invalid($"Hyperparameter '{p.Name}' of '{algorithm}' must be one of {string.Join(", ", p.Choices)}; got '{s}'.", p.Name);
    }

    private static double CheckNumber(Hyperparameter p, object value, string algorithm)
    {
        double d;
        try
        {
            d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            throw RaciflowException.Invalid($"Hyperparameter '{p.Name}' of '{algorithm}' must be a number; got '{value}'.", p.Name);
        }

        if (p.Kind == HyperparameterKind.Integer && d != Math.Floor(d))
        {
            throw RaciflowException.Invalid($"Hyperparameter '{p.Name}' of '{algorithm}' must be a whole number; got {d}.", p.Name);
        }

        return d < p.Min || d > p.Max
            ? throw RaciflowException.Invalid($"Hyperparameter '{p.Name}' of '{algorithm}' must be between {p.Min} and {p.Max}; got {d}.", p.Name)
            : d;
    }
}
