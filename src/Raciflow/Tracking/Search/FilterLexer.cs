using System.Text;

namespace Raciflow.Tracking.Search;

/// <summary>
/// Splits a filter or sort expression into tokens. Hand-written because the grammar is tiny (MLflow's search
/// syntax) and messages must name the column of a mistake; no parser library is worth the dependency.
/// </summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text, string what)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '\'' or '"')
            {
                tokens.Add(new FilterToken(FilterTokenKind.String, ReadQuoted(text, ref i, c, what), start + 1));
            }
            else if (char.IsDigit(c) || (c is '-' or '+' or '.' && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.' || (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Number, text[start..i], start + 1));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                i++;
                if (i < text.Length && (text[i] == '=' || (c == '<' && text[i] == '>')))
                {
                    i++;
                }

                var op = text[start..i];
                if (op == "!")
                {
                    throw Error(what, text, start + 1, "'!' must be followed by '=' (use !=)");
                }

                tokens.Add(new FilterToken(FilterTokenKind.Operator, op, start + 1));
            }
            else if (c == ',')
            {
                i++;
                tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", start + 1));
            }
            else if (char.IsLetter(c) || c is '_' or '`')
            {
                tokens.Add(new FilterToken(FilterTokenKind.Identifier, ReadIdentifier(text, ref i, what), start + 1));
            }
            else
            {
                throw Error(what, text, start + 1, $"unexpected character '{c}'");
            }
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    public static RaciflowException Error(string what, string text, int position, string problem) =>
        RaciflowException.Invalid($"Invalid {what} at position {position}: {problem}. Expression: {text}", $"{what}:{position}");

    // Identifiers are dotted words (metrics.r2, params.learning-rate); a backquoted segment allows any key (metrics.`my r2`).
    private static string ReadIdentifier(string text, ref int i, string what)
    {
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                sb.Append(ReadQuoted(text, ref i, '`', what));
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '/' or ':')
            {
                sb.Append(c);
                i++;
            }
            else
            {
                break;
            }
        }

        return sb.ToString();
    }

    // A doubled quote inside a quoted text stands for the quote itself, as in SQL.
    private static string ReadQuoted(string text, ref int i, char quote, string what)
    {
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    sb.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return sb.ToString();
            }

            sb.Append(text[i]);
            i++;
        }

        throw Error(what, text, start + 1, $"the text starting here has no closing {quote}");
    }
}
