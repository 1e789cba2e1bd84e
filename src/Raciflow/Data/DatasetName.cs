using System.Text.RegularExpressions;

namespace Raciflow.Data;

/// <summary>Dataset names become keys and path segments, so they are restricted to a safe alphabet.</summary>
public static partial class DatasetName
{
    public static string Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || !Pattern().IsMatch(name))
        {
            throw RaciflowException.Invalid(
                $"Dataset name '{Printable(name)}' is not allowed: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.",
                "name");
        }

        return name;
    }

    /// <summary>The name with control characters shown as '?', so an error message cannot corrupt a terminal.</summary>
    internal static string Printable(string? s) => new((s ?? string.Empty).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
