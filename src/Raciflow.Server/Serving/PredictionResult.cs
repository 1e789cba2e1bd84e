namespace Raciflow.Server.Serving;

/// <summary>One row's prediction: a value (regression) or a label with every class's probability.</summary>
public sealed record PredictionResult(double? Value, string? Label, IReadOnlyDictionary<string, double>? Probabilities);
