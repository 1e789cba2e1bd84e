namespace Raciflow.Training;

/// <summary>
/// One prediction in the user's terms: the value (regression), or the predicted class and every class's
/// probability (classification).
/// </summary>
public sealed record ModelPrediction(double? Value, string? Label, IReadOnlyDictionary<string, double>? Probabilities);
