namespace Raciflow.Serving.Inputs;

/// <summary>
/// A prediction request after parsing and checking: the rows ready for the model, or why not. A non-null
/// <see cref="Malformed"/> means the body itself is unusable (400); <see cref="Problems"/> lists every field that is (422).
/// </summary>
public sealed record ParsedInput(
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyList<InputNote> Notes,
    string? Malformed = null)
{
    public bool IsValid => Malformed is null && Problems.Count == 0;

    public static ParsedInput Bad(string message) => new([], [], [], message);
}
