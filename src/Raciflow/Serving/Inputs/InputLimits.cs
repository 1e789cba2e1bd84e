namespace Raciflow.Serving.Inputs;

/// <summary>
/// What one request may hold: rows per request (more belong to batch scoring) and characters per text value (a 10 MB
/// "category" is an attack or a mistake, never an input). Text longer than the limit is a 422 naming the field; it is
/// neither echoed back nor logged. Configured by <c>serving.max_text_length</c> in raciflow.yaml.
/// </summary>
public sealed record InputLimits
{
    public const int DefaultMaxTextLength = 1024;

    public static InputLimits Default { get; } = new();

    public int MaxTextLength { get; init; } = DefaultMaxTextLength;

    public int MaxRows { get; init; } = PredictionInputParser.MaxRows;

    public static InputLimits From(Projects.ServingConfig? serving) => serving is null ? Default
        : serving.MaxTextLength >= 1 ? new InputLimits { MaxTextLength = serving.MaxTextLength }
        : throw RaciflowException.Invalid($"serving.max_text_length in raciflow.yaml must be at least 1 (it is {serving.MaxTextLength}).", "serving.max_text_length");
}
