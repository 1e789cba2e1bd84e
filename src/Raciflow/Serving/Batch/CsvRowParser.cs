using nietras.SeparatedValues;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Stores one CSV row's cells (Sep's, unescaped) in a chunk's columns: numbers parsed with Sep's csFastFloat where it
/// can, missing tokens and errors as <see cref="BatchValues"/> reads them, categories as shared strings.
/// </summary>
internal sealed class CsvRowParser(string path, BatchInputColumns columns)
{
    private readonly CategoryStrings?[] _categories = Enumerable.Range(0, columns.Names.Count)
        .Select(c => columns.IsCategoricalInput(c) ? new CategoryStrings() : null)
        .ToArray();

    /// <summary>Row <paramref name="r"/> of the chunk; a bad cell throws, naming row and column.</summary>
    public void Parse(SepReader.Row row, int r, double[]?[] numbers, string?[]?[] texts)
    {
        for (var c = 0; c < numbers.Length; c++)
        {
            if (numbers[c] is { } column)
            {
                // Sep's parser (csFastFloat, correctly rounded like double.Parse, several times faster) for the
                // common case; anything else (missing tokens, booleans, infinities, errors) takes the full path.
                var cell = row[c];
                column[r] = cell.TryParse<double>(out var number) && double.IsFinite(number)
                    ? number
                    : BatchValues.ParseNumber(cell.Span, path, row.LineNumberFrom, columns.Names[c]);
            }
            else if (texts[c] is { } text)
            {
                text[r] = _categories[c] is { } categories ? categories.Text(row[c].Span) : BatchValues.Text(row[c].Span);
            }
        }
    }
}
