using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>
/// What <see cref="PredictionService"/> did with a request: the model that answered, the decoded input (rows, notes,
/// problems), and the predictions in the order of the rows, or why there are none. Front doors only render it; the
/// prediction log's observer and the metrics see the same object.
/// </summary>
public sealed class PredictionOutcome
{
    public required PredictionOutcomeKind Kind { get; init; }

    public required ServedModel Model { get; init; }

    public required string RequestId { get; init; }

    public required PredictionSource Source { get; init; }

    /// <summary>The decoded request; empty when it was never decoded (too large).</summary>
    public ParsedInput Input { get; init; } = ParsedInput.None;

    /// <summary>One per row of <see cref="Input"/> when <see cref="Kind"/> is Predicted; empty otherwise.</summary>
    public IReadOnlyList<ModelPrediction> Predictions { get; init; } = [];

    /// <summary>
    /// Why fields cannot be predicted, each naming its field by path (<c>instances[2].lunch</c>): the decoder's
    /// problems (Invalid) or the fields behind an output that is not finite (Unpredictable).
    /// </summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    /// <summary>Why the payload is unusable (Malformed, TooLarge).</summary>
    public string? Message { get; init; }

    /// <summary>From the front door's start to the end of prediction.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Accepted values the model treats specially (out of range, unseen category).</summary>
    public IReadOnlyList<InputNote> Notes => Input.Notes;

    public bool IsPredicted => Kind == PredictionOutcomeKind.Predicted;
}
