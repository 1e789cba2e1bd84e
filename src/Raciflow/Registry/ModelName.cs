using System.Text.RegularExpressions;

namespace Raciflow.Registry;

/// <summary>Model names and aliases become keys, path segments and URL parts, so they use a safe alphabet.</summary>
public static partial class ModelName
{
    public static string Validate(string name, string field = "name")
    {
        if (string.IsNullOrEmpty(name) || !Pattern().IsMatch(name))
        {
            throw RaciflowException.Invalid(
                $"Model name '{Data.DatasetName.Printable(name)}' is not allowed: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.", field);
        }

        return name;
    }

    /// <summary>Aliases start with a letter so that MODEL@3 always means a version number.</summary>
    public static string ValidateAlias(string alias, string field = "alias")
    {
        if (string.IsNullOrEmpty(alias) || !AliasPattern().IsMatch(alias))
        {
            throw RaciflowException.Invalid(
                $"Alias '{Data.DatasetName.Printable(alias)}' is not allowed: use 1-100 lower-case letters, digits, '_' or '-', starting with a letter (e.g. staging, production, champion).", field);
        }

        return alias;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
