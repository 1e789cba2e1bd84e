namespace Raciflow.Training.Tuning;

/// <summary>
/// One tunable setting. Numeric ranges may be searched on a log scale; choices are discrete values.
/// <see cref="Default"/> is what an untuned run uses.
/// </summary>
public sealed record Hyperparameter
{
    public required string Name { get; init; }

    public required HyperparameterKind Kind { get; init; }

    public double Min { get; init; }

    public double Max { get; init; }

    public bool LogScale { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>A double, an int (as double) or a string (for choices).</summary>
    public required object Default { get; init; }

    public static Hyperparameter Int(string name, int min, int max, int @default, bool log = false) =>
        new() { Name = name, Kind = HyperparameterKind.Integer, Min = min, Max = max, LogScale = log, Default = (double)@default };

    public static Hyperparameter Real(string name, double min, double max, double @default, bool log = false) =>
        new() { Name = name, Kind = HyperparameterKind.Real, Min = min, Max = max, LogScale = log, Default = @default };

    public static Hyperparameter Choice(string name, string @default, params string[] choices) =>
        new() { Name = name, Kind = HyperparameterKind.Choice, Choices = choices, Default = @default };
}
