using System.Runtime.CompilerServices;
using csFastFloat;
using nietras.SeparatedValues;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Parses a chunk's rows into its columns. Rows without quotes are split at the separator straight from their raw
/// text (without quotes, Sep's cells are exactly the text between separators), so slices of them parse in parallel;
/// rows with quotes are parsed from Sep's unescaped cells as they are read. Each parser keeps its own category
/// strings, since they are not shared between threads.
/// </summary>
internal sealed class CsvSliceParser(string path, BatchInputColumns columns, char separator)
{
    private readonly CategoryStrings?[] _categories = Enumerable.Range(0, columns.Names.Count)
        .Select(c => columns.IsCategoricalInput(c) ? new CategoryStrings() : null)
        .ToArray();

    /// <summary>
    /// Rows <c>first .. first + count</c> whose <c>parsed</c> flag is not set: row r's text is
    /// <c>raw[starts[r] .. starts[r + 1] - 1)</c> and its line number <c>lines[r]</c>. Fills
    /// <paramref name="numbers"/> and <paramref name="texts"/> at those rows; the first bad cell throws, naming row
    /// and column.
    /// </summary>
    // Optimised at once: with tiering, much of a file would run through unoptimised or instrumented code first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(char[] raw, int[] starts, int[] lines, bool[] parsed, int first, int count, double[]?[] numbers, string?[]?[] texts)
    {
        var width = numbers.Length;
        for (var r = first; r < first + count; r++)
        {
            if (parsed[r])
            {
                continue;
            }

            var line = raw.AsSpan(starts[r], starts[r + 1] - starts[r] - 1);
            for (var c = 0; c < width; c++)
            {
                var end = c == width - 1 ? line.Length : line.IndexOf(separator);
                if (end < 0)
                {
                    end = line.Length;
                }

                Store(line[..end], r, lines[r], c, numbers, texts);
                line = end < line.Length ? line[(end + 1)..] : [];
            }
        }
    }

    /// <summary>Row r from Sep's cells (unescaped): for rows with quotes, parsed as they are read.</summary>
    public void Parse(SepReader.Row row, int r, double[]?[] numbers, string?[]?[] texts)
    {
        for (var c = 0; c < numbers.Length; c++)
        {
            if (numbers[c] is not null || texts[c] is not null)
            {
                Store(row[c].Span, r, row.LineNumberFrom, c, numbers, texts);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(ReadOnlySpan<char> cell, int r, int line, int c, double[]?[] numbers, string?[]?[] texts)
    {
        if (numbers[c] is { } column)
        {
            // csFastFloat (correctly rounded like double.Parse, several times faster) for a cell it reads whole;
            // anything else (missing tokens, booleans, infinities, spaces, errors) takes double.Parse's path.
            column[r] = FastDoubleParser.TryParseDouble(cell, out var consumed, out var number) && consumed == cell.Length && double.IsFinite(number)
                ? number
                : BatchValues.ParseNumber(cell, path, line, columns.Names[c]);
        }
        else if (texts[c] is { } textColumn)
        {
            textColumn[r] = _categories[c] is { } categories ? categories.Text(cell) : BatchValues.Text(cell);
        }
    }
}
