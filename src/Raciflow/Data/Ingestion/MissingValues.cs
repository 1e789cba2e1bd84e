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
        // Most values are longer than every token and have no surrounding white space: no trimming needed.
        if (value.Length > 4 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]))
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
