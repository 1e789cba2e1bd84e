using nietras.SeparatedValues;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Parses one slice of a chunk's raw rows into its columns with its own Sep reader (the same separator and
/// unescaping as the file's reader, so cells read exactly as they would there), so that the slices of a chunk parse
/// in parallel. Each slice keeps its own category strings, since they are not shared between threads.
/// </summary>
internal sealed class CsvSliceParser(string path, BatchInputColumns columns, char separator)
{
    private readonly CategoryStrings?[] _categories = Enumerable.Range(0, columns.Names.Count)
        .Select(c => columns.IsCategoricalInput(c) ? new CategoryStrings() : null)
        .ToArray();

    /// <summary>
    /// Rows <c>first .. first + count</c>: their text (each followed by a line feed) is <c>raw[starts[first] ..
    /// starts[first + count])</c>; row r's line number is <c>lines[r]</c>. Fills <paramref name="numbers"/> and
    /// <paramref name="texts"/> at those rows; the first bad cell throws, naming row and column.
    /// </summary>
    public void Parse(char[] raw, int[] starts, int[] lines, int first, int count, double[]?[] numbers, string?[]?[] texts)
    {
        var text = raw.AsMemory(starts[first], starts[first + count] - starts[first]);
        using var reader = new Sep(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, InitialBufferLength = 1 << 16 }).From(new CharMemoryReader(text));
        var width = numbers.Length;
        var r = first;
        while (reader.MoveNext())
        {
            var row = reader.Current;
            for (var c = 0; c < width; c++)
            {
                if (numbers[c] is { } column)
                {
                    // Sep's parser (csFastFloat, correctly rounded like double.Parse, several times faster) for the
                    // common case; anything else (missing tokens, booleans, infinities, errors) takes the full path.
                    var cell = row[c];
                    column[r] = cell.TryParse<double>(out var number) && double.IsFinite(number)
                        ? number
                        : BatchValues.ParseNumber(cell.Span, path, lines[r], columns.Names[c]);
                }
                else if (texts[c] is { } textColumn)
                {
                    textColumn[r] = _categories[c] is { } categories ? categories.Text(row[c].Span) : BatchValues.Text(row[c].Span);
                }
            }

            r++;
        }

        if (r != first + count)
        {
            throw new InvalidOperationException($"A slice of {count} rows of '{path}' parsed as {r - first} rows.");
        }
    }
}
