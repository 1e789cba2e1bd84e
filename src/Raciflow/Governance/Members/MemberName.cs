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

        // An index, not the character: U+0000 is itself a character to reject, so it cannot mean "none found".
        var bad = value.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0 || !Pattern().IsMatch(value))
        {
            var what = bad < 0 ? "must start with a letter or digit" : $"contains {Describe(value[bad])}";
            throw RaciflowException.Invalid(
                $"{field}: member name {Quote(value)} {what}; use letters, digits, '.', '_', '-' or '@', starting with a letter or digit.", field);
        }

        return value;
    }

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-@");

    private static string Describe(char c) => char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";

    /// <summary>Quotes a rejected name for the message with control characters made visible, so the error prints safely.</summary>
    private static string Quote(string value) =>
        "'" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex Pattern();
}
