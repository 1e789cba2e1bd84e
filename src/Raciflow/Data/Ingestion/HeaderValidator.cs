namespace Raciflow.Data.Ingestion;

/// <summary>Rejects header rows that would make columns ambiguous: empty or repeated names.</summary>
internal static class HeaderValidator
{
    public static void Validate(IReadOnlyList<string> names, string file)
    {
        var empty = names.Select((n, i) => (Name: n, Index: i + 1)).Where(c => string.IsNullOrWhiteSpace(c.Name)).Select(c => c.Index).ToList();
        if (empty.Count > 0)
        {
            throw RaciflowException.Invalid(
                $"File '{file}' line 1: the header has empty column names at column(s) {string.Join(", ", empty)}; every column needs a name.",
                $"{file}:1");
        }

        var duplicates = names.Select((n, i) => (Name: n, Index: i + 1))
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' (columns {string.Join(", ", g.Select(c => c.Index))})")
            .ToList();
        if (duplicates.Count > 0)
        {
            throw RaciflowException.Invalid(
                $"File '{file}' line 1: the header repeats column names: {string.Join("; ", duplicates)}; rename them so each is unique.",
                $"{file}:1");
        }
    }
}
