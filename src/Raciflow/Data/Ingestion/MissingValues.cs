namespace Raciflow.Data.Ingestion;

/// <summary>
/// The tokens that mean "no value" in the files people export from spreadsheets, R and pandas: pandas' default
/// na_values, matched case-sensitively as pandas does, plus "?" (UCI data sets). Case matters because ordinary
/// categories look like them: the exam-scores data's test_preparation_course is "none" or "completed", and "none"
/// there is a value, not a gap.
/// </summary>
internal static class MissingValues
{
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        // Most values are longer than every token, or start with a character no token starts with (a digit, most
        // letters), and have no surrounding white space: no trimming or token comparison needed.
        var first = value[0];
        if ((value.Length > 4 || first is not ('N' or 'n' or '#' or '-' or '<' or '?')) && !char.IsWhiteSpace(first) && !char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        value = value.Trim();
        return value.Length switch
        {
            0 => true,
            1 => value[0] == '?',
            2 => value is "NA",
            3 => value is "N/A" or "n/a" or "NaN" or "nan" or "#NA",
            4 => value is "NULL" or "null" or "None" or "-NaN" or "-nan" or "<NA>" or "#N/A",
            _ => false,
        };
    }
}
