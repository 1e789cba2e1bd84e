using System.Globalization;

namespace Raciflow.Serving.Inputs;

/// <summary>
/// A prediction request after decoding and checking: the rows ready for the model, or why not. A non-null
/// <see cref="Malformed"/> means the body itself is unusable (400); <see cref="Problems"/> lists every field that is (422).
/// </summary>
public sealed record ParsedInput(
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyList<InputNote> Notes,
    string? Malformed = null)
{
    public bool IsValid => Malformed is null && Problems.Count == 0;

    /// <summary>How the request laid out its rows (for naming a field in a later problem).</summary>
    public InputLayout Layout { get; init; } = InputLayout.Object;

    /// <summary>
    /// What the prediction log keeps of each row, when it is not the row itself: an image model logs a few statistics
    /// of each picture (size, brightness), not its pixels. Null means <see cref="Rows"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? LoggedRows { get; init; }

    /// <summary>Nothing decoded (a body too large to read).</summary>
    public static ParsedInput None { get; } = new([], [], []);

    public static ParsedInput Bad(string message) => new([], [], [], message);

    /// <summary>The path of row <paramref name="row"/> itself, for a problem that no single field explains.</summary>
    public string RowPath(int row) => Layout switch
    {
        InputLayout.Array => $"[{row.ToString(CultureInfo.InvariantCulture)}]",
        InputLayout.Instances => $"instances[{row.ToString(CultureInfo.InvariantCulture)}]",
        InputLayout.Csv => $"row {(row + 1).ToString(CultureInfo.InvariantCulture)}",
        _ => "request",
    };

    /// <summary>The path of a field of row <paramref name="row"/> as the request wrote it.</summary>
    public string PathOf(int row, string field)
    {
        var index = row.ToString(CultureInfo.InvariantCulture);
        return Layout switch
        {
            InputLayout.Array => $"[{index}].{field}",
            InputLayout.Instances => $"instances[{index}].{field}",
            InputLayout.Csv => $"row {(row + 1).ToString(CultureInfo.InvariantCulture)}, column {field}",
            _ => field,
        };
    }
}
