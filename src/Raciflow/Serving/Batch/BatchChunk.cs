using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>
/// A block of input rows: every input column (the model's inputs typed as the model expects, the others as text)
/// and, for CSV input, the raw text of each row so a CSV output copies rows through without re-formatting them.
/// </summary>
internal sealed class BatchChunk
{
    public required Frame Columns { get; init; }

    public required int Rows { get; init; }

    /// <summary>
    /// Row r's raw text, as read, is <c>RawText[RawStarts[r] .. RawStarts[r + 1] - 1)</c> (a line feed follows each
    /// row); null when the input is not CSV or the output does not need it.
    /// </summary>
    public char[]? RawText { get; init; }

    public int[]? RawStarts { get; init; }

    /// <summary>The input's field separator (CSV) so copied rows and new cells agree.</summary>
    public char Separator { get; init; } = ',';
}
