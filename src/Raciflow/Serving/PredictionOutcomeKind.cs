namespace Raciflow.Serving;

/// <summary>How a prediction request ended; each maps to one HTTP status in the front doors.</summary>
public enum PredictionOutcomeKind
{
    /// <summary>Every row was predicted (200).</summary>
    Predicted,

    /// <summary>The payload itself is unusable: not JSON, empty, the wrong shape (400).</summary>
    Malformed,

    /// <summary>The body was larger than the front door reads (413).</summary>
    TooLarge,

    /// <summary>Fields do not match the signature: missing, unknown, wrong type, too long (422).</summary>
    Invalid,

    /// <summary>The inputs were valid but the model's answer for a row is not a finite number (422 naming the field).</summary>
    Unpredictable,
}
