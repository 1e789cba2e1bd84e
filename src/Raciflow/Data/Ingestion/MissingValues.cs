namespace Raciflow.Data.Ingestion;

/// <summary>The tokens that mean "no value" in the files people export from spreadsheets, R and pandas.</summary>
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
            2 => value.Equals("NA", StringComparison.OrdinalIgnoreCase),
            3 => value.Equals("N/A", StringComparison.OrdinalIgnoreCase) || value.Equals("NaN", StringComparison.OrdinalIgnoreCase),
            4 => value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Equals("None", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
