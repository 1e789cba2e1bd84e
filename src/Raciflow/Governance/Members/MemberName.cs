using System.Text.RegularExpressions;

namespace Raciflow.Governance.Members;

/// <summary>
/// Member names appear in paths, URLs, audit lines and tables, so they are restricted to letters, digits, dot,
/// underscore, hyphen and @ (for e-mail-like names). Path separators, control characters, quotes, semicolons and
/// other SQL or shell meta-characters are rejected outright rather than escaped.
/// </summary>
public static partial class MemberName
{
    public const int MaxLength = 64;

    public static string Validate(string? name, string field = "NAME")
    {
        var value = name ?? string.Empty;
        if (value.Length == 0)
        {
            throw RaciflowException.Invalid($"{field}: a member name is required.", field);
        }

        if (value.Length > MaxLength)
        {
            throw RaciflowException.Invalid($"{field}: member name is {value.Length} characters long; at most {MaxLength} are allowed.", field);
        }

        var bad = value.FirstOrDefault(c => !IsAllowed(c));
        if (bad != default || !Pattern().IsMatch(value))
        {
            var what = bad == default ? "must start with a letter or digit" : $"contains {Describe(bad)}";
            throw RaciflowException.Invalid(
                $"{field}: member name {Quote(value)} {what}; use letters, digits, '.', '_', '-' or '@', starting with a letter or digit.", field);
        }

        return value;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@';

    private static string Describe(char c) => char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";

    /// <summary>Quotes a rejected name for the message with control characters made visible, so the error prints safely.</summary>
    private static string Quote(string value) =>
        "'" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex Pattern();
}
