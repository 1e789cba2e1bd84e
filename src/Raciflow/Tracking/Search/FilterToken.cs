namespace Raciflow.Tracking.Search;

/// <summary>A lexeme of a filter or sort expression; <see cref="Position"/> is the 1-based column where it starts.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == FilterTokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind == FilterTokenKind.End ? "the end of the expression" : $"'{Text}'";
}
